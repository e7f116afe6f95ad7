// LocalDate (`YYYY-MM-DD`, a day at the destination) rules. "Today" always comes from the caller: nothing here
// reads the clock, so the client (destination's today) and the server (its injected now) agree.
import { ErrorList, fail, ok, type FieldResult, type ObjectResult } from './result';

/** `YYYY-MM-DD`, a calendar day at the destination. */
export type LocalDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** Years outside this range are typing slips in every form we have (birth dates, trips). */
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;

const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A real Gregorian date with MIN_YEAR <= year <= MAX_YEAR. */
export function isRealDate({ year, month, day }: DateParts): boolean {
  return (
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parts of a well-formed, real LocalDate; undefined otherwise. */
export function parseLocalDate(value: string): DateParts | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const parts = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isRealDate(parts) ? parts : undefined;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const formatLocalDate = ({ year, month, day }: DateParts): LocalDate =>
  `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;

/** Days since 1970-01-01 (proleptic Gregorian), without Date so no time zone can shift it. */
function dayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). Both must be valid LocalDates. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return dayNumber(mustParse(to)) - dayNumber(mustParse(from));
}

function mustParse(value: LocalDate): DateParts {
  const parts = parseLocalDate(value);
  if (!parts) throw new RangeError(`Not a LocalDate: ${value}`);
  return parts;
}

/**
 * Full years of age on `on`. Someone born on 29 February gains a year on 1 March in common years: the birthday
 * has passed once the calendar is past 28 February. Stated here because insurers' age limits depend on it.
 */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const b = mustParse(birthDate);
  const d = mustParse(on);
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}

/** 'date.format' unless `YYYY-MM-DD`; 'date.invalid' unless a real date (year 1900-9999). Not trimmed. */
export function validateLocalDate(value: unknown): FieldResult<LocalDate> {
  if (value === undefined || value === null || value === '') return fail('required');
  if (typeof value !== 'string') return fail('invalid_type');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail('date.format');
  return parseLocalDate(value) ? ok(value) : fail('date.invalid');
}

/** A LocalDate that is not after `today` ('date.future'). */
export function validateBirthDate(value: unknown, today: LocalDate): FieldResult<LocalDate> {
  const date = validateLocalDate(value);
  if (!date.ok) return date;
  return daysBetween(today, date.value) > 0 ? fail('date.future') : date;
}

/** Age in full years on `on` within [minAge, maxAge], both inclusive; returns the age. */
export function validateAge(
  birthDate: LocalDate,
  on: LocalDate,
  minAge: number,
  maxAge: number,
): FieldResult<number> {
  const age = ageOn(birthDate, on);
  if (age < minAge) return fail('age.too_young');
  if (age > maxAge) return fail('age.too_old');
  return ok(age);
}

export interface TripInput {
  startDate?: unknown;
  endDate?: unknown;
}

export interface Trip {
  startDate: LocalDate;
  endDate: LocalDate;
  /** Days covered, counting both the start and the end day. */
  days: number;
}

/**
 * Trip dates: start not before `today` ('date.past' on startDate), end not before start
 * ('trip.end_before_start' on endDate), at most `maxDays` days counting both ends ('trip.too_long' on endDate).
 */
export function validateTrip(
  input: TripInput,
  ctx: { today: LocalDate; maxDays: number },
): ObjectResult<Trip> {
  const list = new ErrorList();
  const start = list.take('startDate', validateLocalDate(input.startDate));
  const end = list.take('endDate', validateLocalDate(input.endDate));
  if (start !== undefined && daysBetween(ctx.today, start) < 0) list.add('startDate', 'date.past');
  if (start !== undefined && end !== undefined) {
    const days = daysBetween(start, end) + 1;
    if (days < 1) list.add('endDate', 'trip.end_before_start');
    else if (days > ctx.maxDays) list.add('endDate', 'trip.too_long');
    if (list.errors.length === 0) return ok({ startDate: start, endDate: end, days });
  }
  return { ok: false, errors: list.errors };
}
