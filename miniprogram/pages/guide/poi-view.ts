// How a POI reads on a card, in the list and on the map: name, category, open-now in the destination's time,
// distance. Shared by the list, the map carousel and the POI page; no wx.
import { assetUrl, type Destination } from '../../api/destination';
import type { PoiSummary } from '../../api/guide';
import { openState, type LocalMoment, type OpenState } from '../../domain/hours';
import { daysBetween, isoWeekday } from '../../domain/time';
import { currentLang, t, type MessageKey } from '../../i18n/index';

/** Category colours by position in the destination's list; marker pins use the same order. */
export const CATEGORY_COLORS = ['#2b8a3e', '#d9480f', '#1864ab', '#862e9c', '#c92a2a', '#0b7285'];

export type OpenTone = 'open' | 'soon' | 'closed';

export interface PoiCardView {
  id: string;
  name: string;
  category: string;
  color: string;
  photo: string;
  openTone: OpenTone;
  openText: string;
  distance: string;
}

export interface GuideContext {
  zone: string;
  now: number;
  destinationName: string;
  categories: Map<string, { name: string; tone: number }>;
}

export function guideContext(d: Destination, now: number): GuideContext {
  const lang = currentLang();
  return {
    zone: d.timeZone,
    now,
    destinationName: d.name[lang],
    categories: new Map(d.poiCategories.map((c, i) => [c.id, { name: c.name[lang], tone: i }])),
  };
}

export function categoryColor(ctx: GuideContext, category: string): string {
  const tone = ctx.categories.get(category)?.tone ?? CATEGORY_COLORS.length - 1;
  return CATEGORY_COLORS[tone % CATEGORY_COLORS.length]!;
}

export interface CategoryChip {
  id: string;
  name: string;
  color: string;
  active: boolean;
}

/** "All" first, then the destination's categories. */
export function categoryChips(ctx: GuideContext, selected: string): CategoryChip[] {
  const chips: CategoryChip[] = [{ id: '', name: t('guide.all'), color: '', active: selected === '' }];
  for (const [id, c] of ctx.categories) {
    chips.push({ id, name: c.name, color: categoryColor(ctx, id), active: id === selected });
  }
  return chips;
}

export function formatDistance(metres: number): string {
  const tens = Math.max(10, Math.round(metres / 10) * 10);
  if (tens < 1000) return t('guide.metres', { n: tens });
  return t('guide.kilometres', {
    n: metres < 10000 ? (metres / 1000).toFixed(1) : Math.round(metres / 1000),
  });
}

/** "today" is the destination's: a moment on another date reads as tomorrow or a weekday. */
function dayWord(m: LocalMoment, today: string): string {
  return daysBetween(today, m.date) === 1
    ? t('guide.tomorrow')
    : t(`common.wd${isoWeekday(m.date)}` as MessageKey);
}

export function openLabel(state: OpenState, today: string): { tone: OpenTone; text: string } {
  switch (state.kind) {
    case 'always':
      return { tone: 'open', text: t('guide.alwaysOpen') };
    case 'open':
      if (state.closingSoon)
        return { tone: 'soon', text: t('guide.closingSoon', { time: state.until.time }) };
      return {
        tone: 'open',
        text:
          state.until.date === today
            ? t('guide.openUntil', { time: state.until.time })
            : t('guide.openUntilDay', { day: dayWord(state.until, today), time: state.until.time }),
      };
    case 'closed': {
      const opens = state.opens;
      if (!opens) return { tone: 'closed', text: t('guide.closed') };
      const days = daysBetween(today, opens.date);
      const text =
        days === 0
          ? t('guide.opensToday', { time: opens.time })
          : days === 1
            ? t('guide.opensTomorrow', { time: opens.time })
            : t('guide.opensOn', { day: dayWord(opens, today), time: opens.time });
      return { tone: 'closed', text };
    }
  }
}

export function poiCard(
  p: Pick<PoiSummary, 'id' | 'name' | 'category' | 'hours' | 'closedDates'> & { photo: string },
  ctx: GuideContext,
  today: string,
  distance?: number,
): PoiCardView {
  const open = openLabel(openState(p, ctx.zone, ctx.now), today);
  return {
    id: p.id,
    name: p.name[currentLang()],
    category: ctx.categories.get(p.category)?.name ?? '',
    color: categoryColor(ctx, p.category),
    photo: assetUrl(p.photo),
    openTone: open.tone,
    openText: open.text,
    distance: distance === undefined ? '' : formatDistance(distance),
  };
}
