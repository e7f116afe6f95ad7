// What a soak intent buys: a ticket cart on an open day, a coupon offer, an insurance application. Drawn from
// the server's own seed so every intent is one a real user could make (the server may still refuse it: stock
// runs out, limits are reached, offers have dates).
import type { Seed } from '../../../server/content/seed';
import { prcIdCheckChar, validateAge } from '../../../miniprogram/domain/validate';
import { addDays, localDateAt } from '../../../miniprogram/domain/time';
import type { components } from '../../../typings/api';
import type { Random } from './random';

type Schemas = components['schemas'];
type OrderItem = Schemas['OrderItemRequest'];

export interface Cart {
  productId: string;
  items: OrderItem[];
}

export interface Application {
  plan: Schemas['InsurancePlan'];
  startDate: string;
  endDate: string;
  travellers: Array<{
    nameZh: string;
    namePinyin: string;
    documentType: Schemas['DocumentType'];
    passportIssuer: '' | Schemas['PassportIssuer'];
    documentNumber: string;
    birthDate: string;
  }>;
}

export class Catalog {
  constructor(
    private readonly seed: Seed,
    private readonly now: () => number,
  ) {}

  today(): string {
    return localDateAt(this.now(), this.seed.destination.timeZone);
  }

  get timeZone(): string {
    return this.seed.destination.timeZone;
  }

  /** A cart of one product on a day from tomorrow on; with `minSpend`, adults are added until it is reached. */
  cart(rng: Random, products = this.seed.products, minSpend = 0): Cart {
    const product = rng.pick(products);
    const tomorrow = addDays(this.today(), 1);
    const days = (this.seed.calendars[product.id] ?? []).filter((d) => d.date > tomorrow && !d.soldOut);
    const day = rng.pick(days.length ? days : (this.seed.calendars[product.id] ?? []));
    const types = product.ticketTypes.filter((t) => day.prices.some((p) => p.ticketTypeId === t.id));
    const chosen = rng.chance(0.6) ? [rng.pick(types)] : types.slice(0, 2);
    const items = chosen.map((type) => ({
      productId: product.id,
      ticketTypeId: type.id,
      date: day.date,
      quantity: rng.int(Math.max(1, type.minQty), Math.min(type.maxQty, Math.max(1, type.minQty) + 1)),
    }));
    const price = (item: OrderItem) =>
      (day.prices.find((p) => p.ticketTypeId === item.ticketTypeId)?.price.amount ?? 0) * item.quantity;
    const first = items[0]!;
    const type = product.ticketTypes.find((t) => t.id === first.ticketTypeId)!;
    while (items.reduce((sum, i) => sum + price(i), 0) < minSpend && first.quantity < type.maxQty)
      first.quantity++;
    return { productId: product.id, items };
  }

  /** A ticket-checkout offer running today and a cart it applies to (by category and minimum spend). */
  couponCart(rng: Random): { offerId: string; cart: Cart } | undefined {
    const today = this.today();
    const offers = this.seed.offers.filter(
      (o) => o.scope === 'ticket_checkout' && o.validFrom <= today && today <= o.validUntil,
    );
    if (!offers.length) return undefined;
    const offer = rng.pick(offers);
    const products = this.seed.products.filter(
      (p) => !offer.productCategories || offer.productCategories.includes(p.category),
    );
    return { offerId: offer.id, cart: this.cart(rng, products, offer.minSpend.amount) };
  }

  /** An in-store offer; now and then one that has not started or has ended (the server must refuse those). */
  inStoreOffer(rng: Random): string {
    const today = this.today();
    const offers = this.seed.offers.filter((o) => o.scope === 'in_store');
    const running = offers.filter((o) => o.validFrom <= today && today <= o.validUntil);
    return rng.pick(rng.chance(0.9) && running.length ? running : offers).id;
  }

  application(rng: Random): Application {
    const plan = rng.pick(this.seed.plans);
    const startDate = addDays(this.today(), rng.int(2, 40));
    const endDate = addDays(startDate, rng.int(0, Math.min(plan.maxTripDays, 20) - 1));
    const count = rng.int(1, 3);
    const today = this.today();
    const travellers = Array.from({ length: count }, (_, i) => traveller(rng, plan, startDate, today, i));
    return { plan, startDate, endDate, travellers };
  }
}

const SURNAMES = [
  ['王', 'WANG'],
  ['李', 'LI'],
  ['张', 'ZHANG'],
  ['刘', 'LIU'],
] as const;
const GIVEN = [
  ['伟', 'WEI'],
  ['芳', 'FANG'],
  ['小明', 'XIAOMING'],
  ['静', 'JING'],
] as const;

/** A birth date before today with an age on the start date the plan covers. */
function birthDateFor(rng: Random, plan: Schemas['InsurancePlan'], startDate: string, today: string): string {
  const startYear = Number(startDate.slice(0, 4));
  for (;;) {
    const age = rng.int(plan.minAge, Math.min(plan.maxAge, 75));
    const date = `${startYear - age}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
    if (date < today && validateAge(date, startDate, plan.minAge, plan.maxAge).ok) return date;
  }
}

function traveller(
  rng: Random,
  plan: Schemas['InsurancePlan'],
  startDate: string,
  today: string,
  index: number,
) {
  const [zhSurname, pySurname] = rng.pick(SURNAMES);
  const [zhGiven, pyGiven] = rng.pick(GIVEN);
  const birthDate = birthDateFor(rng, plan, startDate, today);
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  const kind = rng.pick(['prc_id', 'passport-cn', 'passport-other', 'hk_macao_permit'] as const);
  const base = { nameZh: `${zhSurname}${zhGiven}`, namePinyin: `${pySurname} ${pyGiven}`, birthDate };
  switch (kind) {
    case 'prc_id': {
      const first17 = `110101${birthDate.replace(/-/g, '')}${String(index).padStart(2, '0')}${rng.int(0, 9)}`;
      return {
        ...base,
        documentType: 'prc_id' as const,
        passportIssuer: '' as const,
        documentNumber: first17 + prcIdCheckChar(first17),
      };
    }
    case 'passport-cn':
      return {
        ...base,
        documentType: 'passport' as const,
        passportIssuer: 'CHN' as const,
        documentNumber: `E${digits(8)}`,
      };
    case 'passport-other':
      return {
        ...base,
        nameZh: '',
        documentType: 'passport' as const,
        passportIssuer: 'other' as const,
        documentNumber: `P${digits(7)}`,
      };
    case 'hk_macao_permit':
      return {
        ...base,
        documentType: 'hk_macao_permit' as const,
        passportIssuer: '' as const,
        documentNumber: `C${digits(8)}`,
      };
  }
}
