// The destination's date at an instant, remembered for the rest of that minute: dayjs's time zone conversion was a
// quarter of a catalogue read's CPU, and every zone's day starts on a whole minute (offsets are whole minutes).
import { localDateAt, type LocalDate } from '../../miniprogram/domain/time';

let last = { zone: '', minute: NaN, date: '' };

export function todayAt(instantMs: number, zone: string): LocalDate {
  const minute = Math.floor(instantMs / 60_000);
  if (minute !== last.minute || zone !== last.zone)
    last = { zone, minute, date: localDateAt(instantMs, zone) };
  return last.date;
}
