// What the Home page shows, derived from the destination and the clock; no wx, fully testable.
import type { Destination } from '../../api/destination';
import { assetUrl } from '../../api/destination';
import { currentLang, t, type MessageKey } from '../../i18n/index';
import { convert, formatMoney, money, minorExponent } from '../../domain/money';
import { BEIJING_ZONE, isoWeekday, localDateAt, localTimeAt, utcOffsetMinutes } from '../../domain/time';

export interface HomeView {
  name: string;
  demo: boolean;
  banners: Array<{ id: string; image: string; title: string; link: string }>;
  essentials: Array<{ id: string; icon: string; title: string; body: string }>;
  emergency: Array<{ id: string; label: string; number: string }>;
  rateText: string;
  rateNote: string;
  /** The entry to the partner offers (coupons subpackage). */
  offers: { title: string; note: string };
}

export interface ClockView {
  localTime: string;
  localDate: string;
  beijingTime: string;
  beijingDate: string;
  difference: string;
}

export function buildHomeView(d: Destination): HomeView {
  const lang = currentLang();
  const oneUnit = money(10 ** minorExponent(d.currency), d.currency);
  return {
    name: d.name[lang],
    demo: d.demo,
    banners: d.banners.map((b) => ({
      id: b.id,
      image: assetUrl(b.image),
      title: b.title[lang],
      link: b.link ?? '',
    })),
    essentials: d.essentials.map((e) => ({
      id: e.id,
      icon: e.icon,
      title: e.title[lang],
      body: e.body[lang],
    })),
    emergency: d.emergency.map((e) => ({ id: e.id, label: e.label[lang], number: e.number })),
    rateText: t('home.rate', {
      currency: d.currency,
      cny: formatMoney(convert(oneUnit, d.fx.quote, d.fx.rateMicros)),
    }),
    rateNote: t('home.rateAsOf', { date: localDateAt(Date.parse(d.fx.asOf), d.timeZone) }),
    offers: { title: t('coupons.homeEntry'), note: t('coupons.homeEntryNote') },
  };
}

function dayLabel(instant: number, zone: string): string {
  const date = localDateAt(instant, zone);
  return `${date} ${t(`common.wd${isoWeekday(date)}` as MessageKey)}`;
}

export function buildClock(now: number, zone: string): ClockView {
  const diffMinutes = utcOffsetMinutes(now, zone) - utcOffsetMinutes(now, BEIJING_ZONE);
  const hours = String(Math.abs(diffMinutes) / 60);
  return {
    localTime: localTimeAt(now, zone),
    localDate: dayLabel(now, zone),
    beijingTime: localTimeAt(now, BEIJING_ZONE),
    beijingDate: dayLabel(now, BEIJING_ZONE),
    difference:
      diffMinutes === 0
        ? t('home.timeSame')
        : t(diffMinutes > 0 ? 'home.timeAhead' : 'home.timeBehind', { hours }),
  };
}
