// How a policy reads in the list and on its page: dates as local dates at the destination (its zone named),
// personal data masked (document numbers arrive masked; mobile, e-mail and birth dates are masked here).
import type { Policy } from '../../api/insurance';
import { maskBirthDate, maskEmail, maskMobile } from './domain/mask';
import { formatMoney } from '../../domain/money';
import { localDateAt } from '../../domain/time';
import { currentLang, t } from '../../i18n/index';
import { bandLabel, coverageLabel, documentLabel } from './labels';

type Status = 'upcoming' | 'active' | 'cancelled' | 'expired';

/** "active" covers both before and during the trip; the traveller cares which. */
export function displayStatus(policy: Policy, now: number): Status {
  if (policy.status !== 'active') return policy.status;
  return localDateAt(now, policy.timeZone) < policy.startDate ? 'upcoming' : 'active';
}

export function buildPolicyCard(policy: Policy, now: number) {
  const status = displayStatus(policy, now);
  return {
    id: policy.id,
    planName: policy.planName[currentLang()],
    policyNumber: policy.policyNumber,
    cover: t('insurance.coverValue', { start: policy.startDate, end: policy.endDate }),
    status,
    statusText: t(`insurance.status_${status}`),
    // Names stay off the list; the detail shows them to the policyholder.
    insured: t('insurance.insuredCount', { count: policy.insured.length }),
  };
}

export function buildPolicyDetail(policy: Policy, now: number) {
  return {
    ...buildPolicyCard(policy, now),
    zone: t('insurance.datesInZone', { zone: policy.timeZone }),
    premium: formatMoney(policy.premium),
    excess: formatMoney(policy.excess),
    insuredPeople: policy.insured.map((p, i) => ({
      index: i,
      name: p.nameZh ? `${p.nameZh} ${p.namePinyin}` : p.namePinyin,
      document: `${documentLabel(p.documentType)} ${p.documentNumberMasked}`,
      birth: maskBirthDate(p.birthDate),
      band: bandLabel(p.ageBand),
      premium: formatMoney(p.premium),
    })),
    holder: {
      name: policy.holder.name,
      mobile: maskMobile(policy.holder.mobile),
      email: maskEmail(policy.holder.email),
    },
    coverage: policy.coverage.map((row) => ({
      key: row.key,
      label: coverageLabel(row.key),
      limit: formatMoney(row.limit),
    })),
    cancellable: policy.cancellable,
    cancelNote: policy.cancellable ? t('insurance.cancelBefore', { date: policy.startDate }) : '',
  };
}

export type PolicyCard = ReturnType<typeof buildPolicyCard>;
export type PolicyDetail = ReturnType<typeof buildPolicyDetail>;
