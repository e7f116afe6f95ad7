// The tab bar icons, drawn at build time in the theme's colours (so the selected icon is the brand's colour in
// both themes). Each icon is line art on a 24-unit grid: a distance function to its centre lines, stroked.
import { parseHex } from './colour';
import { encodePng, type Image } from './png';

type Point = [number, number];
/** Distance (grid units) from a point to the icon's centre lines. */
type Shape = (x: number, y: number) => number;

function segment([ax, ay]: Point, [bx, by]: Point): Shape {
  return (x, y) => {
    const [dx, dy] = [bx - ax, by - ay];
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - ax - t * dx, y - ay - t * dy);
  };
}

function polyline(...points: Point[]): Shape {
  return union(...points.slice(1).map((p, i) => segment(points[i]!, p)));
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r);
}

/** The outline of a rectangle with rounded corners. */
function roundRect(cx: number, cy: number, halfW: number, halfH: number, r: number): Shape {
  return (x, y) => {
    const qx = Math.abs(x - cx) - halfW + r;
    const qy = Math.abs(y - cy) - halfH + r;
    const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
    return Math.abs(outside + Math.min(Math.max(qx, qy), 0) - r);
  };
}

/** Only the part of a shape above a line (used for the shoulders of "me"). */
function above(shape: Shape, limitY: number): Shape {
  return (x, y) => (y <= limitY ? shape(x, y) : Math.max(shape(x, y), y - limitY));
}

function union(...shapes: Shape[]): Shape {
  return (x, y) => Math.min(...shapes.map((s) => s(x, y)));
}

/** Keyed as in theme.json: tab<Name>Icon / tab<Name>IconOn. */
export const TAB_ICONS: Record<string, Shape> = {
  Home: union(
    polyline([3, 11.5], [12, 3.5], [21, 11.5]),
    polyline([5.5, 9.5], [5.5, 20.5], [18.5, 20.5], [18.5, 9.5]),
    polyline([10, 20.5], [10, 14.5], [14, 14.5], [14, 20.5]),
  ),
  Map: union(
    polyline([3, 6], [9, 3.5], [15, 6], [21, 3.5], [21, 18], [15, 20.5], [9, 18], [3, 20.5], [3, 6]),
    segment([9, 3.5], [9, 18]),
    segment([15, 6], [15, 20.5]),
  ),
  Trips: union(
    roundRect(12, 12, 9, 6.5, 2),
    segment([15, 7.5], [15, 9]),
    segment([15, 11.25], [15, 12.75]),
    segment([15, 15], [15, 16.5]),
    segment([6.5, 10], [11.5, 10]),
    segment([6.5, 14], [10, 14]),
  ),
  Me: union(circle(12, 8, 4), above(circle(12, 21, 7.5), 20.5)),
};

/** WeChat's recommended tab icon size (81 px); strokes of 1.8 grid units. */
const SIZE = 81;
const GRID = 24;
const STROKE = 1.8;

export function drawTabIcon(shape: Shape, colour: string): Buffer {
  const [r, g, b] = parseHex(colour);
  const image: Image = { width: SIZE, height: SIZE, rgba: new Uint8Array(SIZE * SIZE * 4) };
  const pxPerUnit = SIZE / GRID;
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const d = shape((px + 0.5) / pxPerUnit, (py + 0.5) / pxPerUnit);
      // Anti-aliased over about one pixel at the stroke's edge.
      const coverage = Math.max(0, Math.min(1, (STROKE / 2 - d) * pxPerUnit + 0.5));
      image.rgba.set([r, g, b, Math.round(coverage * 255)], (py * SIZE + px) * 4);
    }
  }
  return encodePng(image);
}
