// Records every setData of a rendered page (or component): its keys and its size as JSON in UTF-8, the size
// the platform measures. Tests assert budgets ("no call above 32 KB") and precision ("a tap sends only the
// changed paths").
import type { Rendered } from './simulate';

export const KB = 1024;

export interface SetDataCall {
  keys: string[];
  bytes: number;
  data: Record<string, unknown>;
}

export interface SetDataRecorder {
  readonly calls: SetDataCall[];
  /** The largest call so far, in bytes (0 when none). */
  largest(): number;
  /** Every key sent since the last reset, in order, duplicates kept. */
  keys(): string[];
  reset(): void;
  stop(): void;
}

export function jsonBytes(data: unknown): number {
  return Buffer.byteLength(JSON.stringify(data) ?? '', 'utf8');
}

/** Starts recording; call before the interaction to measure (renderPage's own first data is not a setData). */
export function recordSetData(rendered: Rendered): SetDataRecorder {
  const instance = rendered.instance as unknown as {
    setData(data: Record<string, unknown>, callback?: () => void): void;
  };
  const original = instance.setData;
  const calls: SetDataCall[] = [];
  instance.setData = function (this: unknown, data: Record<string, unknown>, callback?: () => void) {
    calls.push({ keys: Object.keys(data), bytes: jsonBytes(data), data });
    return original.call(this, data, callback);
  };
  return {
    calls,
    largest: () => calls.reduce((max, c) => Math.max(max, c.bytes), 0),
    keys: () => calls.flatMap((c) => c.keys),
    reset: () => {
      calls.length = 0;
    },
    stop: () => {
      instance.setData = original;
    },
  };
}
