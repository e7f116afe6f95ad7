// The list renders only a window of its loaded rows (fixed height each) between two spacers, so 200 or 2000
// loaded POIs cost the same number of WXML nodes. Pure arithmetic over the page scroll.
export const ROW_RPX = 200;
export const WINDOW_ROWS = 40;
/** The window moves in steps, so scrolling costs one setData per STEP rows, not one per scroll event. */
export const WINDOW_STEP = 10;

export interface RowWindow {
  start: number;
  end: number;
  padTop: number;
  padBottom: number;
}

/** The window for a page scrolled by scrollTopPx (rows start at the top of the page's scroll area). */
export function rowWindow(scrollTopPx: number, windowWidthPx: number, total: number): RowWindow {
  const firstVisible = Math.floor((scrollTopPx * 750) / windowWidthPx / ROW_RPX);
  const lastStart = Math.max(0, Math.ceil((total - WINDOW_ROWS) / WINDOW_STEP) * WINDOW_STEP);
  const start = Math.min(lastStart, Math.max(0, (Math.floor(firstVisible / WINDOW_STEP) - 1) * WINDOW_STEP));
  const end = Math.min(total, start + WINDOW_ROWS);
  return { start, end, padTop: start * ROW_RPX, padBottom: (total - end) * ROW_RPX };
}
