// <ticket-qr payload="..." size="200" />: draws a payload's QR code on a canvas of type 2d, entirely offline.
// Generic on purpose (tickets and coupons use it); the text under it is the caller's.
import { QUIET_ZONE, qrMatrix, type QrMatrix } from './qr-matrix';

type CanvasNode = WechatMiniprogram.Canvas;
/** The part of a canvas 2d context used here (the typings leave RenderingContext empty). */
interface Context2d {
  fillStyle: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  scale(x: number, y: number): void;
}

const matrices = new WeakMap<object, QrMatrix>();

Component({
  properties: {
    payload: { type: String, value: '' },
    /** Side length in px. */
    size: { type: Number, value: 200 },
  },
  data: {
    moduleCount: 0,
  },
  observers: {
    'payload, size'(this: WechatMiniprogram.Component.TrivialInstance, payload: string) {
      if (!payload) return;
      const matrix = qrMatrix(payload);
      matrices.set(this, matrix);
      this.setData({ moduleCount: matrix.size });
      this.draw();
    },
  },
  lifetimes: {
    ready() {
      this.draw();
    },
  },
  methods: {
    draw() {
      const matrix = matrices.get(this);
      if (!matrix) return;
      const side = this.data.size as number;
      this.createSelectorQuery()
        .select('.qr')
        .fields({ node: true, size: true })
        .exec((res: Array<{ node?: CanvasNode } | null>) => {
          const canvas = res[0]?.node;
          if (!canvas) return;
          const ratio = typeof wx.getWindowInfo === 'function' ? wx.getWindowInfo().pixelRatio : 2;
          canvas.width = side * ratio;
          canvas.height = side * ratio;
          const ctx = canvas.getContext('2d') as unknown as Context2d;
          ctx.scale(ratio, ratio);
          paint(ctx, matrix, side);
        });
    },
  },
});

function paint(ctx: Context2d, matrix: QrMatrix, side: number): void {
  const cell = side / (matrix.size + QUIET_ZONE * 2);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, side, side);
  ctx.fillStyle = '#000000';
  matrix.dark.forEach((row, y) =>
    row.forEach((on, x) => {
      // Overlap by a hair so no seams show between modules at fractional sizes.
      if (on) ctx.fillRect((x + QUIET_ZONE) * cell, (y + QUIET_ZONE) * cell, cell + 0.5, cell + 0.5);
    }),
  );
}
