// Insurance policies: issued from an insurance order's draft when that order is fulfilled; at most one in force
// per quote (a unique index).
import type { components } from '../../typings/api';
import { maskDocumentNumber } from '../../miniprogram/packages/insurance/domain/mask';
import { iso } from '../context';
import { ApiError, notFound } from '../core/errors';
import { newId, readableCode } from '../core/ids';
import type { Tx } from '../db/database';
import type { OrderRecord, PolicyDraft } from '../orders/records';
import type { Work } from '../work';

type Schemas = components['schemas'];

export interface PolicyRecord extends PolicyDraft {
  id: string;
  userId: string;
  orderId: string;
  policyNumber: string;
  issuedAt: number;
  cancelledAt?: number;
}

interface PolicyRow {
  id: string;
  user_id: string;
  order_id: string;
  plan_id: string;
  policy_number: string;
  start_date: string;
  end_date: string;
  insured: PolicyDraft['insured'];
  holder: PolicyDraft['holder'];
  premium: number;
  currency: string;
  terms_version: string;
  issued_at: Date;
  cancelled_at: Date | null;
}

function fromRow(r: PolicyRow): PolicyRecord {
  return {
    id: r.id,
    userId: r.user_id,
    orderId: r.order_id,
    planId: r.plan_id,
    policyNumber: r.policy_number,
    startDate: r.start_date,
    endDate: r.end_date,
    insured: r.insured,
    holder: r.holder,
    premium: { amount: r.premium, currency: r.currency },
    termsVersion: r.terms_version,
    issuedAt: r.issued_at.getTime(),
    ...(r.cancelled_at !== null && { cancelledAt: r.cancelled_at.getTime() }),
  };
}

export async function issuePolicy(w: Work, order: OrderRecord): Promise<void> {
  const draft = order.policyDraft;
  if (!draft || order.quoteId === undefined) return;
  const id = newId('pol');
  const issued = await w.tx.query(
    `INSERT INTO policies (id, user_id, order_id, quote_id, plan_id, policy_number, start_date, end_date, insured,
       holder, premium, currency, terms_version, issued_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (order_id) DO NOTHING RETURNING id`,
    [
      id,
      order.userId,
      order.id,
      order.quoteId,
      draft.planId,
      `WFP${readableCode(12)}`,
      draft.startDate,
      draft.endDate,
      JSON.stringify(draft.insured),
      JSON.stringify(draft.holder),
      draft.premium.amount,
      draft.premium.currency,
      draft.termsVersion,
      new Date(w.now),
    ],
  );
  if (issued.length > 0) order.policyId = id;
}

export async function quoteHasPolicy(tx: Tx, quoteId: string): Promise<boolean> {
  const rows = await tx.query('SELECT 1 FROM policies WHERE quote_id = $1 AND cancelled_at IS NULL', [
    quoteId,
  ]);
  return rows.length > 0;
}

export async function cancelPolicyOfOrder(tx: Tx, orderId: string, now: number): Promise<void> {
  await tx.query('UPDATE policies SET cancelled_at = $2 WHERE order_id = $1 AND cancelled_at IS NULL', [
    orderId,
    new Date(now),
  ]);
}

export async function userPolicy(tx: Tx, userId: string, policyId: string): Promise<PolicyRecord> {
  const [row] = await tx.query<PolicyRow & Record<string, unknown>>('SELECT * FROM policies WHERE id = $1', [
    policyId,
  ]);
  if (!row || row.user_id !== userId) throw notFound('policy', policyId);
  return fromRow(row);
}

export async function userPolicies(tx: Tx, userId: string): Promise<PolicyRecord[]> {
  const rows = await tx.query<PolicyRow & Record<string, unknown>>(
    'SELECT * FROM policies WHERE user_id = $1 ORDER BY issued_at DESC, id',
    [userId],
  );
  return rows.map(fromRow);
}

export function planOf(w: Work, planId: string): Schemas['InsurancePlan'] {
  const plan = w.seed.plans.find((p) => p.id === planId);
  if (!plan) throw notFound('insurance plan', planId);
  return plan;
}

/** Cover starts on startDate at the destination: until then the policy can be cancelled for a refund. */
export function isCancellable(today: string, policy: PolicyRecord): boolean {
  return policy.cancelledAt === undefined && today < policy.startDate;
}

export function assertCancellable(today: string, policy: PolicyRecord): void {
  if (isCancellable(today, policy)) return;
  const why =
    policy.cancelledAt !== undefined ? 'it is already cancelled' : `its cover started on ${policy.startDate}`;
  throw new ApiError(
    409,
    'POLICY_NOT_CANCELLABLE',
    `Policy ${policy.policyNumber} cannot be cancelled: ${why}.`,
  );
}

export function policyView(w: Work, policy: PolicyRecord, origin: string): Schemas['Policy'] {
  const plan = planOf(w, policy.planId);
  const status: Schemas['PolicyStatus'] =
    policy.cancelledAt !== undefined ? 'cancelled' : w.today > policy.endDate ? 'expired' : 'active';
  return {
    id: policy.id,
    policyNumber: policy.policyNumber,
    orderId: policy.orderId,
    planId: policy.planId,
    planName: plan.name,
    status,
    startDate: policy.startDate,
    endDate: policy.endDate,
    timeZone: w.seed.destination.timeZone,
    insured: policy.insured.map((person) => ({
      ...(person.nameZh !== undefined && { nameZh: person.nameZh }),
      namePinyin: person.namePinyin,
      documentType: person.documentType,
      ...(person.passportIssuer !== undefined && { passportIssuer: person.passportIssuer }),
      documentNumberMasked: maskDocumentNumber(person.documentNumber),
      birthDate: person.birthDate,
      ...(person.sex !== undefined && { sex: person.sex }),
      ageBand: person.ageBand,
      premium: person.premium,
    })),
    holder: policy.holder,
    coverage: plan.coverage,
    excess: plan.excess,
    premium: policy.premium,
    termsVersion: policy.termsVersion,
    issuedAt: iso(policy.issuedAt),
    ...(policy.cancelledAt !== undefined && { cancelledAt: iso(policy.cancelledAt) }),
    cancellable: isCancellable(w.today, policy),
    documentUrl: `${origin}/v1/policies/${policy.id}/document`,
  };
}
