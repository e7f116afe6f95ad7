// WeChat Pay's notifications to the server: checked over the raw body, decrypted, applied once. Answers within
// WeChat's 5 s: nothing here waits on WeChat Pay.
import type { Deps } from '../context';
import { fromWire, refundFromWire } from '../wechat/pay-client';
import {
  decryptResource,
  verifyNotification,
  type NotificationHeaders,
  type Resource,
} from '../wechat/pay-crypto';
import { inTransaction } from '../work';
import { applyTransaction, payClient } from './payments';
import { applyRefund } from './refunds';

export type NotificationOutcome = { accepted: true } | { accepted: false; reason: string };

interface Envelope {
  id?: string;
  event_type?: string;
  resource?: Resource;
}

export async function receiveNotification(
  deps: Deps,
  headers: NotificationHeaders,
  rawBody: string,
): Promise<NotificationOutcome> {
  const pay = payClient(deps);
  const verdict = verifyNotification(headers, rawBody, pay.platformKeys, Date.now());
  if (!verdict.ok) return { accepted: false, reason: verdict.reason };
  let envelope: Envelope;
  try {
    envelope = JSON.parse(rawBody) as Envelope;
  } catch {
    return { accepted: false, reason: 'body is not JSON' };
  }
  const plaintext = envelope.resource && decryptResource(envelope.resource, pay.config.apiV3Key);
  if (plaintext === undefined || typeof envelope.id !== 'string') {
    return { accepted: false, reason: 'resource does not decrypt' };
  }
  if (envelope.event_type === 'TRANSACTION.SUCCESS') {
    const txn = fromWire(JSON.parse(plaintext));
    await inTransaction(deps, (w) => applyTransaction(w, pay, txn, envelope.id));
  } else if (envelope.event_type?.startsWith('REFUND.')) {
    const refund = refundFromWire(JSON.parse(plaintext));
    await inTransaction(deps, (w) => applyRefund(w, refund));
  }
  // Any other event is acknowledged so WeChat Pay stops resending it.
  deps.wake(0); // what the payment set going (shipping upload, a refund) runs now, not at the next poll
  return { accepted: true };
}
