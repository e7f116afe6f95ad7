// The application draft in storage: encrypted only, coalesced writes, nothing revived after clearing.
import type { InsuranceDraft } from '../../../miniprogram/packages/insurance/domain/insurance-draft';
import {
  newDraft,
  withTravellerField,
  withQuote,
} from '../../../miniprogram/packages/insurance/domain/insurance-draft';
import { installFakeWx, type FakeWx } from '../../support/fake-wx';

let fake: FakeWx;
let store: typeof import('../../../miniprogram/packages/insurance/services/draft');

beforeEach(async () => {
  fake = installFakeWx();
  jest.resetModules();
  store = await import('../../../miniprogram/packages/insurance/services/draft');
});

function draftWith(documentNumber: string): InsuranceDraft {
  const base = {
    ...newDraft('basic'),
    startDate: '2026-12-10',
    endDate: '2026-12-16',
    birthDates: ['1985-03-02'],
  };
  const quoted = withQuote(base, {
    id: 'q1',
    planId: 'basic',
    startDate: '2026-12-10',
    endDate: '2026-12-16',
    tripDays: 7,
    premium: { amount: 5600, currency: 'CNY' },
    perTraveller: [{ birthDate: '1985-03-02', ageBand: 'adult', premium: { amount: 5600, currency: 'CNY' } }],
    expiresAt: '2026-11-22T09:30:00Z',
  });
  return withTravellerField(quoted, 0, 'documentNumber', documentNumber);
}

test('the draft is written with encrypt: true and read back', async () => {
  await store.saveDraft(draftWith('E12345678'));
  expect(fake.storage.get('insurance.draft')?.encrypt).toBe(true);
  expect((await store.loadDraft())?.travellers[0]?.documentNumber).toBe('E12345678');
});

test('typing fast: one write in flight at a time, and the last keystroke is what is stored', async () => {
  const writes: string[] = [];
  const setStorage = fake.api.setStorage;
  fake.extend({
    setStorage: (opts: Parameters<typeof setStorage>[0]) => {
      writes.push(JSON.stringify(opts.data));
      setStorage(opts);
    },
  });
  const typed = 'E12345678';
  const saves = [...typed].map((_, i) => store.saveDraft(draftWith(typed.slice(0, i + 1))));
  await Promise.all(saves);
  expect(writes.length).toBeLessThanOrEqual(2);
  expect((await store.loadDraft())?.travellers[0]?.documentNumber).toBe(typed);
});

test('loading waits for a write in flight', async () => {
  void store.saveDraft(draftWith('E1'));
  void store.saveDraft(draftWith('E12345678'));
  expect((await store.loadDraft())?.travellers[0]?.documentNumber).toBe('E12345678');
});

test('clearing drops queued writes, so a late write cannot bring the draft back', async () => {
  void store.saveDraft(draftWith('E1'));
  void store.saveDraft(draftWith('E12345678'));
  await store.clearDraft();
  await new Promise((r) => setTimeout(r, 20));
  expect(fake.storage.has('insurance.draft')).toBe(false);
  expect(await store.loadDraft()).toBeUndefined();
});

test('a draft that cannot be stored encrypted is not stored at all (never in plain text)', async () => {
  const huge = draftWith('E12345678');
  huge.holder.name = 'x'.repeat(800 * 1024);
  await store.saveDraft(huge);
  expect(fake.storage.size).toBe(0);
});
