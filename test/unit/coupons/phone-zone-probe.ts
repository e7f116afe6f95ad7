// Run by coupon.test.ts in a child process with TZ set (jest's process.env is a copy, so the zone cannot change
// inside a test): prints how the shared coupon rule judges some instants with the phone in that zone.
import { applyCoupon, couponStatus } from '../../../miniprogram/domain/coupon';
import { money } from '../../../miniprogram/domain/money';
import { localDateAt } from '../../../miniprogram/domain/time';

const ZONE = 'Pacific/Auckland';
const terms = {
  status: 'unused' as const,
  discount: { type: 'fixed' as const, amount: money(800, 'NZD') },
  minSpend: money(0, 'NZD'),
  scope: 'ticket_checkout' as const,
  validFrom: '2026-11-01',
  validUntil: '2026-11-30',
};

const instants = process.argv.slice(2);
const out = instants.map((iso) => {
  const today = localDateAt(Date.parse(iso), ZONE);
  const check = applyCoupon(terms, [{ category: 'attraction', subtotal: money(9000, 'NZD') }], today);
  return {
    iso,
    today,
    status: couponStatus('unused', terms.validUntil, today),
    check: check.ok || check.reason,
  };
});
process.stdout.write(
  JSON.stringify({ offset: new Date(instants[instants.length - 1] ?? 0).getTimezoneOffset(), out }),
);
