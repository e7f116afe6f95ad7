// Money is integer minor units plus an ISO 4217 code; this module is the only place that knows exponents,
// symbols and the one rounding rule used for currency estimates.
export interface Money {
  amount: number;
  currency: string;
}

const ZERO_DECIMAL = new Set(['JPY', 'KRW', 'VND', 'ISK', 'CLP', 'TWD', 'HUF', 'UGX', 'XPF']);
const THREE_DECIMAL = new Set(['BHD', 'JOD', 'KWD', 'OMR', 'TND']);
const SYMBOLS: Record<string, string> = {
  CNY: '¥',
  NZD: 'NZ$',
  AUD: 'A$',
  USD: 'US$',
  EUR: '€',
  GBP: '£',
  HKD: 'HK$',
  SGD: 'S$',
  JPY: 'JP¥',
  THB: '฿',
  CAD: 'C$',
};

export function minorExponent(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  return THREE_DECIMAL.has(currency) ? 3 : 2;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer, got ${amount}`);
  return { amount, currency };
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) throw new RangeError(`currency mismatch: ${a.currency} vs ${b.currency}`);
}

export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

export function times(a: Money, quantity: number): Money {
  return money(a.amount * quantity, a.currency);
}

export function sum(items: Money[], currency: string): Money {
  return items.reduce((acc, m) => add(acc, m), money(0, currency));
}

/** Integer division rounding half away from zero: the single rounding rule for every estimate. */
export function roundDiv(numerator: number, denominator: number): number {
  const q = Math.floor(Math.abs(numerator) / denominator);
  const r = Math.abs(numerator) - q * denominator;
  const rounded = r * 2 >= denominator ? q + 1 : q;
  return numerator < 0 ? -rounded : rounded;
}

/**
 * Converts with a rate given as target major units per 1 source major unit x 1e6 (rateMicros), rounding
 * half away from zero to the target's minor unit. Used for the CNY estimate shown next to local prices.
 */
export function convert(source: Money, target: string, rateMicros: number): Money {
  const scale = 10 ** (minorExponent(target) - minorExponent(source.currency));
  const numerator = source.amount * rateMicros * (scale >= 1 ? scale : 1);
  const denominator = 1_000_000 * (scale >= 1 ? 1 : Math.round(1 / scale));
  if (!Number.isSafeInteger(numerator)) throw new RangeError('amount too large to convert exactly');
  return money(roundDiv(numerator, denominator), target);
}

/** "NZ$12.50"; negative amounts as "-NZ$12.50". Grouping uses commas in both languages. */
export function formatMoney(m: Money): string {
  const exp = minorExponent(m.currency);
  const abs = Math.abs(m.amount);
  const major = Math.floor(abs / 10 ** exp);
  const minor = abs - major * 10 ** exp;
  const grouped = String(major).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const digits = exp > 0 ? `${grouped}.${String(minor).padStart(exp, '0')}` : grouped;
  const symbol = SYMBOLS[m.currency];
  const body = symbol ? `${symbol}${digits}` : `${m.currency} ${digits}`;
  return m.amount < 0 ? `-${body}` : body;
}

/** A rate for display, e.g. rateMicros 4150000 -> "4.15" (at most 4 decimals, trailing zeros dropped). */
export function formatRate(rateMicros: number): string {
  const tenThousandths = roundDiv(rateMicros, 100);
  const whole = Math.floor(tenThousandths / 10000);
  const frac = String(tenThousandths - whole * 10000)
    .padStart(4, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac.length < 2 ? frac.padEnd(2, '0') : frac}` : String(whole);
}
