// The date picker's model: which destination dates are on sale, sold out or closed, and from what price. Pure;
// "today" is always the destination's (passed in), never the phone's.
import { formatMoney, type Money } from '../../../domain/money';
import { addDays, type LocalDate } from '../../../domain/time';

/** How far ahead a visit can be booked. */
export const CALENDAR_DAYS = 90;
/** At or below this many places left, a day says how many remain. */
export const FEW_LEFT_AT = 20;

export interface CalendarDayInput {
  date: LocalDate;
  soldOut: boolean;
  remaining: number;
  prices: ReadonlyArray<{ ticketTypeId: string; price: Money }>;
}

export type DayState = 'available' | 'few_left' | 'sold_out' | 'closed';

export interface DayInfo {
  state: DayState;
  remaining: number;
  /** The lowest ticket price that day, for the cell ("from"). */
  from?: Money;
}

export function calendarWindow(today: LocalDate, days = CALENDAR_DAYS): { from: LocalDate; to: LocalDate } {
  return { from: today, to: addDays(today, days - 1) };
}

export function dayInfo(day: CalendarDayInput | undefined): DayInfo {
  if (!day || day.prices.length === 0) return { state: 'closed', remaining: 0 };
  const from = day.prices.reduce(
    (low, p) => (p.price.amount < low.amount ? p.price : low),
    day.prices[0]!.price,
  );
  if (day.soldOut || day.remaining === 0) return { state: 'sold_out', remaining: 0, from };
  return { state: day.remaining <= FEW_LEFT_AT ? 'few_left' : 'available', remaining: day.remaining, from };
}

export const bookable = (info: DayInfo): boolean => info.state === 'available' || info.state === 'few_left';

/** Days of a calendar response by date; a date that is absent is closed (not on sale). */
export function dayIndex(days: readonly CalendarDayInput[]): Map<LocalDate, CalendarDayInput> {
  return new Map(days.map((d) => [d.date, d]));
}

/** The first bookable date in the window, to preselect something sensible. */
export function firstBookable(days: readonly CalendarDayInput[], today: LocalDate): LocalDate | undefined {
  return days.find((d) => d.date >= today && bookable(dayInfo(d)))?.date;
}

// Vant's calendar lays its grid out with the phone's Date. A destination date is handed to it as the phone-local
// midnight of the same year-month-day and read back the same way, so the grid shows destination dates whatever
// zone the phone is in.
export function toPickerTime(date: LocalDate): number {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(y, m - 1, d).getTime();
}

export function fromPickerTime(value: number | Date): LocalDate {
  const d = new Date(value);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A price for a small cell: "NZ$39" rather than "NZ$39.00". */
export function shortPrice(m: Money): string {
  return formatMoney(m).replace(/\.0+$/, '');
}

/** One cell of Vant's calendar, as its formatter receives and returns it. */
export interface PickerDay {
  date: Date | number;
  type: string;
  text: string | number;
  topInfo?: string;
  bottomInfo?: string;
  className?: string;
}

export interface PickerLabels {
  soldOut: string;
  closed: string;
  today: string;
  /** e.g. "{n} left" with {n} filled in. */
  left: (n: number) => string;
}

/**
 * The formatter Vant calls for every cell: price under each bookable day, "sold out" / "closed" under the others
 * (which cannot be picked), the count left on scarce days, and the destination's today marked.
 */
export function pickerFormatter(
  days: ReadonlyMap<LocalDate, CalendarDayInput>,
  today: LocalDate,
  labels: PickerLabels,
): (cell: PickerDay) => PickerDay {
  return (cell) => {
    const date = fromPickerTime(cell.date);
    const info = dayInfo(days.get(date));
    const out: PickerDay = { ...cell };
    if (date === today) out.topInfo = labels.today;
    if (!bookable(info)) {
      out.type = 'disabled';
      out.bottomInfo = info.state === 'sold_out' ? labels.soldOut : labels.closed;
      return out;
    }
    if (info.state === 'few_left') out.topInfo = labels.left(info.remaining);
    if (info.from) out.bottomInfo = shortPrice(info.from);
    return out;
  };
}
