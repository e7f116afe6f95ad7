// What the plans page shows: the plans side by side (one column each) and the application in progress.
import type { InsurancePlan } from '../../../../api/insurance';
import type { InsuranceDraft } from '../../domain/insurance-draft';
import { formatMoney } from '../../../../domain/money';
import { currentLang, t } from '../../../../i18n/index';
import { COVERAGE_KEYS, coverageLabel } from '../../labels';

export interface PlansView {
  columns: Array<{ id: string; name: string }>;
  rows: Array<{ key: string; label: string; cells: Array<{ id: string; text: string }> }>;
}

export function buildPlansView(plans: readonly InsurancePlan[]): PlansView {
  const lang = currentLang();
  const coverageRows = COVERAGE_KEYS.map((key) => ({
    key,
    label: coverageLabel(key),
    cells: plans.map((p) => {
      const row = p.coverage.find((c) => c.key === key);
      return { id: p.id, text: row ? formatMoney(row.limit) : '—' };
    }),
  }));
  const row = (key: string, label: string, cell: (p: InsurancePlan) => string) => ({
    key,
    label,
    cells: plans.map((p) => ({ id: p.id, text: cell(p) })),
  });
  return {
    columns: plans.map((p) => ({ id: p.id, name: p.name[lang] })),
    rows: [
      row('price', t('insurance.priceFrom'), (p) =>
        t('insurance.priceFromValue', { price: formatMoney(p.pricePerDayFrom) }),
      ),
      ...coverageRows,
      row('excess', t('insurance.excess'), (p) => formatMoney(p.excess)),
      row('ages', t('insurance.ages'), (p) => t('insurance.agesValue', { min: p.minAge, max: p.maxAge })),
      row('maxTrip', t('insurance.maxTrip'), (p) => t('insurance.days', { days: p.maxTripDays })),
      row('terms', t('insurance.termsVersion'), (p) => p.termsVersion),
    ],
  };
}

/** The application in progress, once it has a quote (nothing personal: plan, dates, head count). */
export function buildDraftCard(
  draft: InsuranceDraft | undefined,
  plans: readonly InsurancePlan[],
): { summary: string } | null {
  const plan = draft?.quote && plans.find((p) => p.id === draft.planId);
  if (!draft?.quote || !plan) return null;
  return {
    summary: t('insurance.draftSummary', {
      plan: plan.name[currentLang()],
      start: draft.quote.startDate,
      end: draft.quote.endDate,
      count: draft.quote.perTraveller.length,
    }),
  };
}
