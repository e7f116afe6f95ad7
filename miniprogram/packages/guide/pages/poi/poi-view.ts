// What the POI page shows: both names, today's state and the week's hours in destination time, the audio
// guide's progress, related tickets. No wx.
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
  /** GCJ-02, as wx.openLocation expects. */
  latitude: number;
  longitude: number;
  audio: { src: string; lang: string; durationSec: number } | null;
  shareTitle: string;
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
