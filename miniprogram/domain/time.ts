// Days and clock times at the destination, computed in its IANA zone, never the phone's.
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** A day at the destination, "YYYY-MM-DD". */
export type LocalDate = string;

export const BEIJING_ZONE = 'Asia/Shanghai';
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  // dayjs rolls 02-30 over to March: a real date survives the round trip unchanged.
  const d = dayjs.utc(value);
  return d.isValid() && d.format('YYYY-MM-DD') === value;
}

export function localDateAt(instantMs: number, zone: string): LocalDate {
  return dayjs(instantMs).tz(zone).format('YYYY-MM-DD');
}

/** "HH:mm" on the 24-hour clock at the zone. */
export function localTimeAt(instantMs: number, zone: string): string {
  return dayjs(instantMs).tz(zone).format('HH:mm');
}

/** ISO weekday 1 (Monday) .. 7 (Sunday) of a local date. */
export function isoWeekday(date: LocalDate): number {
  const day = dayjs.utc(date).day();
  return day === 0 ? 7 : day;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** Whole days from a to b (b - a), both local dates. */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return dayjs.utc(b).diff(dayjs.utc(a), 'day');
}

/** Minutes the zone is ahead of UTC at that instant (780 for Auckland in summer). */
export function utcOffsetMinutes(instantMs: number, zone: string): number {
  return dayjs(instantMs).tz(zone).utcOffset();
}

/** The instant a local date and time happen in a zone (e.g. a coupon's 23:59 end). */
export function instantOf(date: LocalDate, time: string, zone: string): number {
  return dayjs.tz(`${date} ${time}`, zone).valueOf();
}
