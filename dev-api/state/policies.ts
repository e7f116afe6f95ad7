// Insurance policies: issued from an insurance order's draft when that order is fulfilled.
import type { components } from '../../typings/api';
import { ApiError } from '../types';
import { newId, readableCode, uniqueCode } from './ids';
import type { OrderRecord, PolicyRecord } from './records';
import { iso, notFound, type World } from './world';
import { maskDocumentNumber } from '../../miniprogram/packages/insurance/domain/mask';

type Schemas = components['schemas'];

export function issuePolicy(world: World, order: OrderRecord): void {
  if (!order.policyDraft || order.policyId !== undefined) return;
  const policy: PolicyRecord = {
    ...order.policyDraft,
    id: newId('pol'),
    userId: order.userId,
    orderId: order.id,
    policyNumber: uniqueCode(world.db.codes, () => `WFP${readableCode(12)}`),
    issuedAt: world.now(),
  };
  world.db.policies.set(policy.id, policy);
  order.policyId = policy.id;
}

export function planOf(world: World, planId: string) {
  const plan = world.seed.plans.find((p) => p.id === planId);
  if (!plan) throw notFound('insurance plan', planId);
  return plan;
}

export function userPolicy(world: World, userId: string, policyId: string): PolicyRecord {
  const policy = world.db.policies.get(policyId);
  if (!policy || policy.userId !== userId) throw notFound('policy', policyId);
  return policy;
}

/** Cover starts on startDate at the destination: until then the policy can be cancelled for a refund. */
export function isCancellable(world: World, policy: PolicyRecord): boolean {
  return policy.cancelledAt === undefined && world.today() < policy.startDate;
}

export function assertCancellable(world: World, policy: PolicyRecord): void {
  if (isCancellable(world, policy)) return;
  const why =
    policy.cancelledAt !== undefined ? 'it is already cancelled' : `its cover started on ${policy.startDate}`;
  throw new ApiError(
    409,
    'POLICY_NOT_CANCELLABLE',
    `Policy ${policy.policyNumber} cannot be cancelled: ${why}.`,
  );
}

export function policyView(world: World, policy: PolicyRecord, origin: string): Schemas['Policy'] {
  const plan = planOf(world, policy.planId);
  const status: Schemas['PolicyStatus'] =
    policy.cancelledAt !== undefined ? 'cancelled' : world.today() > policy.endDate ? 'expired' : 'active';
  return {
    id: policy.id,
    policyNumber: policy.policyNumber,
    orderId: policy.orderId,
    planId: policy.planId,
    planName: plan.name,
    status,
    startDate: policy.startDate,
    endDate: policy.endDate,
    timeZone: world.seed.destination.timeZone,
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
    cancellable: isCancellable(world, policy),
    documentUrl: `${origin}/v1/policies/${policy.id}/document`,
  };
}
