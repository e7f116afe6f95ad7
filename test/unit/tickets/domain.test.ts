import {
  calendarWindow,
  dayInfo,
  fromPickerTime,
  pickerFormatter,
  shortPrice,
  toPickerTime,
} from '../../../miniprogram/packages/tickets/domain/calendar';
import {
  cartQuery,
  clampToRemaining,
  orderItems,
  readCart,
  stepQuantity,
  stepperState,
} from '../../../miniprogram/packages/tickets/domain/checkout';
import { createIntent, fingerprint } from '../../../miniprogram/domain/intent';
import { placesOf } from '../../../miniprogram/packages/tickets/domain/places';
import { money } from '../../../miniprogram/domain/money';
import { priceCart, samePrice } from '../../../miniprogram/packages/tickets/domain/pricing';

const nzd = (amount: number) => money(amount, 'NZD');
const FX = { quote: 'CNY', rateMicros: 4_150_000 };
const day = (date: string, remaining: number, soldOut = false) => ({
  date,
  soldOut,
  remaining,
  prices: [
    { ticketTypeId: 'adult', price: nzd(3900) },
    { ticketTypeId: 'child', price: nzd(1950) },
  ],
});

describe('calendar', () => {
  test('90 days from the destination’s today', () => {
    expect(calendarWindow('2026-11-22')).toEqual({ from: '2026-11-22', to: '2027-02-19' });
  });

  test('day states: absent = closed, 0 left = sold out, few left at 20 or fewer', () => {
    expect(dayInfo(undefined).state).toBe('closed');
    expect(dayInfo(day('2026-11-23', 0)).state).toBe('sold_out');
    expect(dayInfo(day('2026-11-23', 90, true)).state).toBe('sold_out');
    expect(dayInfo(day('2026-11-23', 20))).toEqual({ state: 'few_left', remaining: 20, from: nzd(1950) });
    expect(dayInfo(day('2026-11-23', 21)).state).toBe('available');
  });

  test('picker times round-trip destination dates through the phone’s Date whatever its zone', () => {
    for (const date of ['2026-11-22', '2027-01-01', '2027-02-28', '2026-04-05']) {
      expect(fromPickerTime(toPickerTime(date))).toBe(date);
      expect(fromPickerTime(new Date(toPickerTime(date)))).toBe(date);
    }
  });

  test('the formatter prices bookable days, disables sold-out and closed ones, marks today', () => {
    const days = new Map([
      ['2026-11-22', day('2026-11-22', 300)],
      ['2026-11-23', day('2026-11-23', 5)],
      ['2026-11-24', day('2026-11-24', 0)],
    ]);
    const format = pickerFormatter(days, '2026-11-22', {
      soldOut: 'sold out',
      closed: 'closed',
      today: 'today',
      left: (n) => `${n} left`,
    });
    const cell = (date: string) => format({ date: toPickerTime(date), type: '', text: 1 });
    expect(cell('2026-11-22')).toMatchObject({ type: '', topInfo: 'today', bottomInfo: 'NZ$19.50' });
    expect(cell('2026-11-23')).toMatchObject({ topInfo: '5 left', bottomInfo: 'NZ$19.50' });
    expect(cell('2026-11-24')).toMatchObject({ type: 'disabled', bottomInfo: 'sold out' });
    expect(cell('2026-11-25')).toMatchObject({ type: 'disabled', bottomInfo: 'closed' });
    expect(shortPrice(nzd(3900))).toBe('NZ$39');
  });
});

describe('pricing', () => {
  const input = {
    category: 'attraction',
    currency: 'NZD',
    quantities: [
      { ticketTypeId: 'adult', quantity: 2 },
      { ticketTypeId: 'child', quantity: 1 },
      { ticketTypeId: 'senior', quantity: 0 },
    ],
    prices: day('2026-11-28', 90).prices,
    fx: FX,
  };

  test('integer lines, subtotal, total and one CNY estimate', () => {
    const quote = priceCart(input)!;
    expect(quote.lines.map((l) => [l.ticketTypeId, l.quantity, l.subtotal.amount])).toEqual([
      ['adult', 2, 7800],
      ['child', 1, 1950],
    ]);
    expect(quote.total).toEqual(nzd(9750));
    // 97.50 x 4.15 = 404.625 -> rounded half away from zero to 404.63.
    expect(quote.estimate).toEqual(money(40463, 'CNY'));
  });

  test('a discount plugs in and never exceeds the subtotal', () => {
    expect(priceCart({ ...input, discount: () => nzd(1000) })!.total).toEqual(nzd(8750));
    expect(priceCart({ ...input, discount: () => nzd(99999) })!.total).toEqual(nzd(0));
  });

  test('a chosen type with no price that day is not priceable', () => {
    expect(priceCart({ ...input, quantities: [{ ticketTypeId: 'senior', quantity: 1 }] })).toBeUndefined();
  });

  test('the server’s price is compared exactly', () => {
    expect(samePrice(nzd(9750), nzd(9750))).toBe(true);
    expect(samePrice(nzd(9750), nzd(9850))).toBe(false);
    expect(samePrice(nzd(9750), money(9750, 'AUD'))).toBe(false);
  });
});

describe('cart', () => {
  const adult = { id: 'adult', minQty: 0, maxQty: 10 };
  const family = { id: 'family', minQty: 2, maxQty: 3 };

  test('query round trip; malformed carts are refused', () => {
    const cart = {
      productId: 'sky-tower-skydeck',
      date: '2026-11-28',
      quantities: { adult: 2, child: 1, senior: 0 },
    };
    expect(cartQuery(cart)).toBe('productId=sky-tower-skydeck&date=2026-11-28&q=adult.2,child.1');
    expect(readCart({ productId: 'sky-tower-skydeck', date: '2026-11-28', q: 'adult.2,child.1' })).toEqual({
      productId: 'sky-tower-skydeck',
      date: '2026-11-28',
      quantities: { adult: 2, child: 1 },
    });
    expect(readCart({ productId: 'x', date: '2026-02-30', q: 'adult.1' })).toBeUndefined();
    expect(readCart({ productId: 'x', date: '2026-11-28', q: 'adult.0' })).toBeUndefined();
    expect(readCart({ productId: 'x', date: '2026-11-28', q: 'adult.1,adult.2' })).toBeUndefined();
    expect(readCart({ productId: '../x', date: '2026-11-28', q: 'adult.1' })).toBeUndefined();
  });

  test('steps stay within the type’s range and the day’s remaining places', () => {
    expect(stepQuantity(adult, { adult: 9 }, 100, 1)).toBe(10);
    expect(stepQuantity(adult, { adult: 10 }, 100, 1)).toBe(10);
    expect(stepQuantity(adult, { adult: 1, child: 2 }, 3, 1)).toBe(1);
    expect(stepQuantity(family, {}, 100, 1)).toBe(2);
    expect(stepQuantity(family, { family: 2 }, 100, -1)).toBe(0);
    expect(stepperState([adult], { adult: 3 }, 3)).toEqual({ adult: { plus: false, minus: true } });
  });

  test('a family ticket takes the places of the people it admits', () => {
    const family4 = { id: 'family', minQty: 1, maxQty: 3, persons: 4 };
    const types = [adult, family4];
    // 7 places left: one family ticket (4) fits beside 3 adults; a second one does not.
    expect(stepQuantity(family4, { adult: 3 }, 7, 1, types)).toBe(1);
    expect(stepQuantity(family4, { adult: 3, family: 1 }, 7, 1, types)).toBe(1);
    expect(stepQuantity(adult, { family: 1 }, 5, 1, types)).toBe(1);
    expect(stepQuantity(adult, { adult: 1, family: 1 }, 5, 1, types)).toBe(1);
    expect(stepperState(types, { family: 1 }, 5)).toEqual({
      adult: { plus: true, minus: false },
      family: { plus: false, minus: true },
    });
    expect(clampToRemaining(types, { adult: 1, family: 2 }, 6)).toEqual({ adult: 1, family: 1 });
    expect(placesOf({ adult: 2, family: 1 }, { family: 4 })).toBe(6);
  });

  test('quantities are cut to what a day allows', () => {
    expect(clampToRemaining([adult, family], { adult: 3, family: 2 }, 4)).toEqual({ adult: 3, family: 0 });
    expect(clampToRemaining([adult], { adult: 3 }, 1)).toEqual({ adult: 1 });
  });

  test('order items follow the product’s ticket type order and leave out zeros', () => {
    const cart = { productId: 'p', date: '2026-11-28', quantities: { child: 1, adult: 2, senior: 0 } };
    expect(orderItems(cart, ['adult', 'child', 'senior']).map((i) => [i.ticketTypeId, i.quantity])).toEqual([
      ['adult', 2],
      ['child', 1],
    ]);
  });
});

describe('intent', () => {
  test('the same request keeps its key until the order exists; a changed one gets a new key', () => {
    let n = 0;
    const intent = createIntent(() => `key-${++n}`);
    const request = { items: [{ productId: 'p', quantity: 2 }], contact: { name: 'A', email: 'a@b.co' } };
    expect(intent.keyFor(request)).toBe('key-1');
    expect(
      intent.keyFor({ contact: { email: 'a@b.co', name: 'A' }, items: [{ quantity: 2, productId: 'p' }] }),
    ).toBe('key-1');
    expect(intent.keyFor({ ...request, contact: { name: 'B', email: 'a@b.co' } })).toBe('key-2');
    expect(intent.keyFor(request)).toBe('key-3');
    intent.done();
    expect(intent.keyFor(request)).toBe('key-4');
  });

  test('fingerprints ignore key order and undefined fields', () => {
    expect(fingerprint({ b: 1, a: [1, { d: undefined, c: 'x' }] })).toBe('{"a":[1,{"c":"x"}],"b":1}');
  });
});
