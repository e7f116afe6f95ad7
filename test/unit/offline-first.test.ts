import { storedThenFresh } from '../../miniprogram/api/offline-first';
import type { Result } from '../../miniprogram/services/result';

const offline: Result<string> = { ok: false, error: { kind: 'network', reason: 'offline' } };

function run(showing: boolean, stored: string | undefined, fresh: Result<string>) {
  const shown: string[] = [];
  return storedThenFresh({
    showing,
    stored: async () => stored,
    fresh: async () => fresh,
    show: (w) => shown.push(w),
  }).then((outcome) => ({ outcome, shown }));
}

test('the stored copy paints first, then the fresh one replaces it', async () => {
  await expect(run(false, 'saved', { ok: true, data: 'new' })).resolves.toEqual({
    outcome: { kind: 'fresh' },
    shown: ['saved', 'new'],
  });
});

test('offline with a stored copy: it stays on screen and the outcome says offline', async () => {
  await expect(run(false, 'saved', offline)).resolves.toEqual({
    outcome: { kind: 'offline' },
    shown: ['saved'],
  });
});

test('offline with nothing stored: an error with its reason, nothing shown', async () => {
  await expect(run(false, undefined, offline)).resolves.toEqual({
    outcome: { kind: 'error', error: { kind: 'network', reason: 'offline' } },
    shown: [],
  });
});

test('a page already showing its copy does not read storage again and reads offline on failure', async () => {
  await expect(run(true, 'stale', offline)).resolves.toEqual({ outcome: { kind: 'offline' }, shown: [] });
});
