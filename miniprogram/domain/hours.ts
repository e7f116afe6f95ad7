// Opening hours at the destination: is it open now, until when, when does it open next, and the week ahead.
// Everything is computed in the destination's zone, never the phone's. Each interval becomes a pair of real
// instants, so an interval across midnight or a daylight-saving change lasts exactly as long as it does on
// the clocks there (a local time skipped by the spring change moves forward by the gap; a repeated one is
// taken at its first occurrence).
import { addDays, instantOf, isoWeekday, localDateAt, localTimeAt, type LocalDate } from './time';

/** One weekly interval, as in the API: opens on ISO `day` at `open`; `close <= open` closes the next day. */
export interface OpeningInterval {
  day: number;
  open: string;
  close: string;
}

export interface Hours {
  /** Empty means always open (a park, a beach), except on closed dates. */
  hours: readonly OpeningInterval[];
  closedDates: readonly LocalDate[];
}

export interface LocalMoment {
  instant: number;
  date: LocalDate;
  time: string;
}

export type OpenState =
  | { kind: 'always' }
  | { kind: 'open'; until: LocalMoment; closingSoon: boolean }
  | { kind: 'closed'; opens?: LocalMoment };

export interface DayHours {
  date: LocalDate;
  weekday: number;
  today: boolean;
  /** A listed closed date (holiday). */
  holiday: boolean;
  intervals: Array<{ open: string; close: string; overnight: boolean; allDay: boolean }>;
}

export const CLOSING_SOON_MS = 60 * 60 * 1000;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Dates whose intervals are looked at after today; a place closed longer reads as closed, no time given. */
const LOOKAHEAD_DAYS = 8;
const ALWAYS: readonly OpeningInterval[] = [1, 2, 3, 4, 5, 6, 7].map((day) => ({
  day,
  open: '00:00',
  close: '00:00',
}));

interface Span {
  start: number;
  end: number;
}

// Resolving a zone's wall clock is the costly part (Intl under dayjs, ~50 us a call); a list of POIs asks
// for the same few conversions again and again, so they are remembered.
const MAX_REMEMBERED = 4096;
function remembered<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    if (cache.size >= MAX_REMEMBERED) cache.clear();
    value = compute();
    cache.set(key, value);
  }
  return value;
}

const instants = new Map<string, number>();
const moments = new Map<string, LocalMoment>();
const dates = new Map<string, LocalDate>();

function plusDays(date: LocalDate, n: number): LocalDate {
  return remembered(dates, `${date} ${n}`, () => addDays(date, n));
}

function at(date: LocalDate, time: string, zone: string): number {
  return remembered(instants, `${zone} ${date} ${time}`, () => instantOf(date, time, zone));
}

/** The zone's date and time at an instant (to the minute). */
function moment(instant: number, zone: string): LocalMoment {
  return remembered(moments, `${zone} ${instant}`, () => ({
    instant,
    date: localDateAt(instant, zone),
    time: localTimeAt(instant, zone),
  }));
}

function weeklyOf(h: Hours): readonly OpeningInterval[] {
  return h.hours.length ? h.hours : ALWAYS;
}

/** The real spans of every interval opening on the local dates [from, from + days), closed dates left out. */
function spans(h: Hours, zone: string, from: LocalDate, days: number): Span[] {
  const weekly = weeklyOf(h);
  const out: Span[] = [];
  for (let i = 0; i < days; i++) {
    const date = plusDays(from, i);
    if (h.closedDates.includes(date)) continue;
    const weekday = isoWeekday(date);
    for (const iv of weekly) {
      if (iv.day !== weekday) continue;
      const closeDate = iv.close <= iv.open ? plusDays(date, 1) : date;
      out.push({ start: at(date, iv.open, zone), end: at(closeDate, iv.close, zone) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Overlapping or touching spans as one (Friday 00:00-00:00 then Saturday 00:00-00:00 is one opening). */
function merge(list: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

export function openState(h: Hours, zone: string, now: number): OpenState {
  const today = moment(now - (now % 60000), zone).date;
  // Yesterday's intervals may still be running after midnight.
  const runs = merge(spans(h, zone, plusDays(today, -1), LOOKAHEAD_DAYS + 1));
  const current = runs.find((r) => r.start <= now && now < r.end);
  if (current) {
    // Open for a whole week from now: around the clock, no closing time worth showing.
    if (current.end - now >= WEEK_MS) return { kind: 'always' };
    return {
      kind: 'open',
      until: moment(current.end, zone),
      closingSoon: current.end - now <= CLOSING_SOON_MS,
    };
  }
  const next = runs.find((r) => r.start > now);
  return next ? { kind: 'closed', opens: moment(next.start, zone) } : { kind: 'closed' };
}

/** Seven days from the destination's today, each with its intervals (or none: closed that day). */
export function weekAhead(h: Hours, zone: string, now: number): DayHours[] {
  const today = moment(now - (now % 60000), zone).date;
  const weekly = weeklyOf(h);
  const out: DayHours[] = [];
  for (let i = 0; i < 7; i++) {
    const date = plusDays(today, i);
    const weekday = isoWeekday(date);
    const holiday = h.closedDates.includes(date);
    out.push({
      date,
      weekday,
      today: i === 0,
      holiday,
      intervals: holiday
        ? []
        : weekly
            .filter((iv) => iv.day === weekday)
            .sort((a, b) => (a.open < b.open ? -1 : 1))
            .map((iv) => ({
              open: iv.open,
              close: iv.close,
              overnight: iv.close <= iv.open && iv.close !== '00:00',
              allDay: iv.open === '00:00' && iv.close === '00:00',
            })),
    });
  }
  return out;
}
