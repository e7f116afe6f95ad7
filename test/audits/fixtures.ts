// What the audited pages need before they open, made the way a visitor makes it: through the app's own api and
// services modules, over the fake wx, against the dev API's demo data (never hand-written page data). Each
// function runs inside the harness's cold start, so the modules it imports are that run's.
import type { AuditContext } from '../support/audits';

const PRODUCT = 'sky-tower-skydeck';
const PLAN = 'standard';
const CONTACT = { name: 'Li Wei', mobile: '+8613800138000', email: 'li.wei@example.com' };

let keys = 0;
const key = (what: string) => `audit-${what}-${++keys}-${Date.now().toString(36)}`;

function must<T>(result: { ok: true; data: T } | { ok: false; error: unknown }, what: string): T {
  if (!result.ok) throw new Error(`fixture ${what} failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

async function destinationToday(): Promise<{ today: string; timeZone: string }> {
  const { getDestination } = await import('../../miniprogram/api/destination');
  const { clock } = await import('../../miniprogram/services/clock');
  const { localDateAt } = await import('../../miniprogram/domain/time');
  const { timeZone } = must(await getDestination(), 'destination');
  return { today: localDateAt(clock.now(), timeZone), timeZone };
}

/** The first day from a week ahead on which the product still sells tickets. */
export async function openDay(productId = PRODUCT): Promise<string> {
  const { getCalendar } = await import('../../miniprogram/api/products');
  const { addDays } = await import('../../miniprogram/domain/time');
  const from = addDays((await destinationToday()).today, 7);
  const calendar = must(await getCalendar(productId, from, addDays(from, 30)), 'calendar');
  const day = calendar.days.find((d) => d.remaining > 4);
  if (!day) throw new Error(`fixture: ${productId} has no open day after ${from}`);
  return day.date;
}

/** A cart of two adults on an open day, as the booking page passes it to checkout. */
export async function cart(): Promise<Record<string, string>> {
  return { productId: PRODUCT, date: await openDay(), q: 'adult.2' };
}

/** An order for two adult tickets; paid through the payment service (the sandbox sheet's "Pay") unless not. */
export async function ticketOrder(ctx: AuditContext, paid = true): Promise<string> {
  const { createOrder, payForOrder } = await import('../../miniprogram/api/orders');
  const date = await openDay();
  const order = must(
    await createOrder(
      { items: [{ productId: PRODUCT, ticketTypeId: 'adult', date, quantity: 2 }], contact: CONTACT },
      key('order'),
    ),
    'order',
  );
  if (paid) {
    ctx.fake.ui.actionSheetTaps.push(0);
    const outcome = await payForOrder(order.id);
    if (outcome.kind !== 'paid') throw new Error(`fixture payment ended ${outcome.kind}`);
  }
  return order.id;
}

/** A quote for two travellers on a week's trip starting in a fortnight (what the quote page asks for). */
async function quote() {
  const { createInsuranceQuote } = await import('../../miniprogram/api/insurance');
  const { addDays } = await import('../../miniprogram/domain/time');
  const start = addDays((await destinationToday()).today, 14);
  return must(
    await createInsuranceQuote({
      planId: PLAN,
      startDate: start,
      endDate: addDays(start, 6),
      travellers: [{ birthDate: '1988-04-12' }, { birthDate: '1990-09-30' }],
    }),
    'quote',
  );
}

/** The insurance draft the quote page leaves behind: plan, trip, travellers' birth dates and the quote. */
export async function insuranceDraft(): Promise<void> {
  const { newDraft, withQuote, withQuoteInputs } =
    await import('../../miniprogram/packages/insurance/domain/insurance-draft');
  const { saveDraft } = await import('../../miniprogram/packages/insurance/services/draft');
  const q = await quote();
  const inputs = withQuoteInputs(newDraft(PLAN), {
    startDate: q.startDate,
    endDate: q.endDate,
    birthDates: q.perTraveller.map((p) => p.birthDate),
  });
  await saveDraft(withQuote(inputs, q));
}

/** A paid policy for two travellers: its id. */
export async function policy(ctx: AuditContext): Promise<string> {
  const { createInsurancePolicy, listInsurancePlans } = await import('../../miniprogram/api/insurance');
  const { payForOrder } = await import('../../miniprogram/api/orders');
  const q = await quote();
  const plan = must(await listInsurancePlans(), 'plans').find((p) => p.id === PLAN)!;
  const order = must(
    await createInsurancePolicy(
      {
        quoteId: q.id,
        travellers: q.perTraveller.map((p, i) => ({
          nameZh: ['李伟', '王芳'][i]!,
          namePinyin: ['LI WEI', 'WANG FANG'][i]!,
          documentType: 'passport',
          passportIssuer: 'CHN',
          documentNumber: ['E12345678', 'E87654321'][i]!,
          birthDate: p.birthDate,
        })),
        holder: CONTACT,
        acceptedTermsVersion: plan.termsVersion,
      },
      key('policy'),
    ),
    'policy order',
  );
  ctx.fake.ui.actionSheetTaps.push(0);
  const outcome = await payForOrder(order.id);
  if (outcome.kind !== 'paid' || !outcome.order.policyId)
    throw new Error(`fixture policy payment: ${outcome.kind}`);
  return outcome.order.policyId;
}

/** A claimed in-store coupon (Harbour Dumplings, demo merchant): its id. */
export async function coupon(): Promise<string> {
  const { claimOffer } = await import('../../miniprogram/api/coupons');
  const { timeZone } = await destinationToday();
  return must(await claimOffer('harbour-dumplings-10-off', key('claim'), timeZone), 'claim').id;
}
