// How an event reads on Home and on its page: dates are days at the destination, and "on now" / "starts in
// 3 days" count from the destination's today (never the phone's).
import { assetUrl } from '../../api/destination';
import type { GuideEvent } from '../../api/guide';
import { daysBetween, type LocalDate } from '../../domain/time';
import { currentLang, t, type MessageKey } from '../../i18n/index';

export interface EventView {
  id: string;
  title: string;
  summary: string;
  venue: string;
  image: string;
  dates: string;
  status: string;
  on: boolean;
  poiId: string;
}

export function formatLocalDate(date: LocalDate, today: LocalDate): string {
  const [year = '', month = '', day = ''] = date.split('-');
  const params = { year, month: t(`guide.month${Number(month)}` as MessageKey), day: String(Number(day)) };
  return t(year === today.slice(0, 4) ? 'guide.date' : 'guide.dateWithYear', params);
}

export function eventDates(e: Pick<GuideEvent, 'startDate' | 'endDate'>, today: LocalDate): string {
  const from = formatLocalDate(e.startDate, today);
  return e.endDate === e.startDate
    ? from
    : t('guide.dateRange', { from, to: formatLocalDate(e.endDate, today) });
}

function status(
  e: Pick<GuideEvent, 'startDate' | 'endDate'>,
  today: LocalDate,
): { text: string; on: boolean } {
  const toStart = daysBetween(today, e.startDate);
  if (toStart > 1) return { text: t('guide.eventStartsIn', { n: toStart }), on: false };
  if (toStart === 1) return { text: t('guide.eventStartsTomorrow'), on: false };
  if (toStart === 0)
    return { text: t(e.endDate === today ? 'guide.eventToday' : 'guide.eventStartsToday'), on: true };
  if (e.endDate === today) return { text: t('guide.eventEndsToday'), on: true };
  return { text: t('guide.eventOn'), on: true };
}

export function eventView(e: GuideEvent, today: LocalDate): EventView {
  const lang = currentLang();
  const s = status(e, today);
  return {
    id: e.id,
    title: e.title[lang],
    summary: e.summary[lang],
    venue: e.venue[lang],
    image: assetUrl(e.image),
    dates: eventDates(e, today),
    status: s.text,
    on: s.on,
    poiId: e.poiId ?? '',
  };
}

/** The events Home shows: those not over by the destination's today, soonest first. */
export function upcomingEvents(events: GuideEvent[], today: LocalDate, limit: number): EventView[] {
  return events
    .filter((e) => e.endDate >= today)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0))
    .slice(0, limit)
    .map((e) => eventView(e, today));
}
