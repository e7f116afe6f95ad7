// What checkout shows when the server refuses an order: the user learns why, that nothing was charged, and
// what to do; contact fields the server rejected are marked. Pure.
import { errorMessageKey, type ApiError } from '../../../../services/result';

export type ContactField = 'name' | 'mobile' | 'email';

export type Refusal =
  | { kind: 'stock'; soldOut: boolean }
  | { kind: 'not_on_sale' }
  | { kind: 'field'; field: ContactField }
  | { kind: 'other'; messageKey: ReturnType<typeof errorMessageKey> };

export function refusal(error: ApiError): Refusal {
  if (error.kind === 'http' && (error.code === 'SOLD_OUT' || error.code === 'INSUFFICIENT_STOCK')) {
    return { kind: 'stock', soldOut: error.code === 'SOLD_OUT' };
  }
  if (error.kind === 'http' && error.status === 400 && error.field) {
    const m = /^contact\.(name|mobile|email)$/.exec(error.field);
    if (m) return { kind: 'field', field: m[1] as ContactField };
    if (error.field.startsWith('items')) return { kind: 'not_on_sale' };
  }
  return { kind: 'other', messageKey: errorMessageKey(error) };
}
