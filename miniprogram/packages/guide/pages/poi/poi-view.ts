// What the POI page shows: both names, today's state and the week's hours in destination time, the practical
// facts (links, accessibility, the nearest stop), the audio guide's progress, related tickets. No wx.
import { assetUrl } from '../../../../api/destination';
import type { Poi, ProductLink } from '../../../../api/guide';
import { toGcj02 } from '../../../../domain/geo';
import { openState, weekAhead, type DayHours } from '../../../../domain/hours';
import { formatMoney } from '../../../../domain/money';
import { currentLang, t, type MessageKey } from '../../../../i18n/index';
import type { AudioStatus } from '../../services/audio';
import { formatLocalDate } from '../../../../pages/guide/event-view';
import { categoryColor, openLabel, type GuideContext, type OpenTone } from '../../../../pages/guide/poi-view';

export interface DayView {
  date: string;
  label: string;
  dateText: string;
  text: string;
  today: boolean;
  closed: boolean;
}

export interface PoiView {
  id: string;
  name: string;
  nameOther: string;
  category: string;
  color: string;
  photos: string[];
  summary: string;
  description: string;
  descriptionOther: string;
  openTone: OpenTone;
  openText: string;
  week: DayView[];
  fees: string;
  address: string;
  addressOther: string;
  phone: string;
  practical: FactView[];
  /** GCJ-02, as wx.openLocation expects. */
  latitude: number;
  longitude: number;
  audio: { src: string; lang: string; durationSec: number } | null;
  shareTitle: string;
}

/** One practical fact: a link to copy (website, booking), the accessibility note, the nearest stop. */
export interface FactView {
  kind: 'website' | 'booking' | 'accessibility' | 'transit';
  label: string;
  text: string;
  /** The link the row copies; '' for a row without one. */
  url: string;
}

export interface AudioView {
  playing: boolean;
  waiting: boolean;
  failed: boolean;
  /** 0-1000, for the slider. */
  progress: number;
  positionText: string;
  durationText: string;
}

export interface ProductView {
  id: string;
  title: string;
  price: string;
  state: string;
}

function intervalText(iv: DayHours['intervals'][number]): string {
  if (iv.allDay) return t('guide.allDay');
  if (iv.overnight) return t('guide.overnight', { open: iv.open, close: iv.close });
  return `${iv.open}–${iv.close}`;
}

export function dayView(day: DayHours, today: string): DayView {
  return {
    date: day.date,
    label: day.today ? t('guide.today') : t(`common.wd${day.weekday}` as MessageKey),
    dateText: formatLocalDate(day.date, today),
    text: day.intervals.length
      ? day.intervals.map(intervalText).join(', ')
      : t(day.holiday ? 'guide.holiday' : 'guide.closedDay'),
    today: day.today,
    closed: day.intervals.length === 0,
  };
}

/** A link as a visitor reads it: no scheme, no bare trailing slash (the row copies the whole URL). */
function linkText(url: string): string {
  return url.replace(/^https:\/\//, '').replace(/\/$/, '');
}

/** The practical card's rows, only those the POI has. */
function facts(poi: Poi): FactView[] {
  const lang = currentLang();
  const out: FactView[] = [];
  const link = (kind: 'website' | 'booking', url: string | undefined) => {
    if (url) out.push({ kind, label: t(`guide.${kind}`), text: linkText(url), url });
  };
  link('website', poi.website);
  link('booking', poi.bookingUrl);
  if (poi.accessibility)
    out.push({
      kind: 'accessibility',
      label: t('guide.accessibility'),
      text: poi.accessibility[lang],
      url: '',
    });
  const stop = poi.nearestStop;
  if (stop)
    out.push({
      kind: 'transit',
      label: t('guide.transit'),
      text: [
        t(`guide.mode_${stop.mode}`),
        stop.name[lang],
        t('guide.walkMinutes', { n: stop.walkMinutes }),
      ].join(' · '),
      url: '',
    });
  return out;
}

export function poiView(poi: Poi, ctx: GuideContext, today: string): PoiView {
  const lang = currentLang();
  const other = lang === 'zh-CN' ? 'en' : 'zh-CN';
  const open = openLabel(openState(poi, ctx.zone, ctx.now), today);
  const at = toGcj02(poi.location);
  const name = poi.name[lang];
  return {
    id: poi.id,
    name,
    nameOther: poi.name[other],
    category: ctx.categories.get(poi.category)?.name ?? '',
    color: categoryColor(ctx, poi.category),
    photos: poi.photos.map(assetUrl),
    summary: poi.summary[lang],
    description: poi.description[lang],
    descriptionOther: poi.description[other],
    openTone: open.tone,
    openText: open.text,
    week: weekAhead(poi, ctx.zone, ctx.now).map((d) => dayView(d, today)),
    fees: poi.fees?.[lang] ?? '',
    address: poi.address[lang],
    addressOther: poi.address[other],
    phone: poi.phone ?? '',
    practical: facts(poi),
    latitude: at.lat,
    longitude: at.lng,
    audio: poi.audioGuide
      ? {
          src: assetUrl(poi.audioGuide.url),
          lang: t(poi.audioGuide.lang === 'zh-CN' ? 'guide.audioLang_zh' : 'guide.audioLang_en'),
          durationSec: poi.audioGuide.durationSec,
        }
      : null,
    shareTitle: t('guide.sharePoi', { name, destination: ctx.destinationName }),
  };
}

export function clockText(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The player as this POI sees it: another POI's audio playing leaves this one idle. */
export function audioView(status: AudioStatus, src: string, durationSec: number): AudioView {
  const mine = status.src === src;
  const duration = mine && status.duration > 0 ? status.duration : durationSec;
  const position = mine ? Math.min(status.position, duration) : 0;
  return {
    playing: mine && status.playing,
    waiting: mine && status.waiting,
    failed: mine && status.failed,
    progress: duration > 0 ? Math.round((position / duration) * 1000) : 0,
    positionText: clockText(position),
    durationText: clockText(duration),
  };
}

export function productViews(items: ProductLink[]): ProductView[] {
  const lang = currentLang();
  return items.map((p) => ({
    id: p.id,
    title: p.title[lang],
    price: t('guide.fromPrice', { price: formatMoney(p.fromPrice) }),
    state:
      p.saleState === 'sold_out' ? t('guide.soldOut') : p.saleState === 'few_left' ? t('guide.fewLeft') : '',
  }));
}
