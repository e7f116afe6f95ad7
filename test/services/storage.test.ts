import { installFakeWx, type FakeWx } from '../support/fake-wx';
import { coldStart } from '../support/services';

let fake: FakeWx;
let m: Awaited<ReturnType<typeof coldStart>>;

beforeEach(async () => {
  fake = installFakeWx();
  m = await coldStart(fake);
});

test('values round-trip through a versioned envelope; an older schema version reads as absent', async () => {
  const v1 = m.storage.defineKey<{ n: number }>('thing', 1);
  expect(await m.storage.write(v1, { n: 1 })).toBeUndefined();
  await expect(m.storage.read(v1)).resolves.toEqual({ n: 1 });
  const v2 = m.storage.defineKey<{ n: string }>('thing', 2);
  await expect(m.storage.read(v2)).resolves.toBeUndefined();
});

test('a value over 1 MB is refused before it is written, and nothing changes', async () => {
  const key = m.storage.defineKey<string>('big', 1);
  await m.storage.write(key, 'small');
  await expect(m.storage.write(key, 'x'.repeat(1024 * 1024))).resolves.toBe('too_large');
  await expect(m.storage.read(key)).resolves.toBe('small');
});

test('encrypted keys have the lower 0.7 MB limit and are stored with encrypt: true', async () => {
  const key = m.storage.defineKey<string>('secret', 1, { encrypt: true });
  await expect(m.storage.write(key, 'x'.repeat(800 * 1024))).resolves.toBe('too_large');
  await expect(m.storage.write(key, 'E1234567')).resolves.toBeUndefined();
  expect(fake.storage.get('secret')?.encrypt).toBe(true);
  await expect(m.storage.read(key)).resolves.toBe('E1234567');
});

test('the 10 MB total is respected: the write that would cross it reports quota', async () => {
  const chunk = 'y'.repeat(1000 * 1024);
  for (let i = 0; i < 10; i++) {
    await m.storage.write(m.storage.defineKey<string>(`fill${i}`, 1), chunk);
  }
  await expect(m.storage.write(m.storage.defineKey<string>('one-more', 1), chunk)).resolves.toBe('quota');
  expect(fake.storage.has('one-more')).toBe(false);
});

test('removeAllExcept keeps only the named keys', async () => {
  const keep = m.storage.defineKey<string[]>('payments.pending', 1);
  await m.storage.write(keep, ['o1']);
  await m.storage.write(m.storage.defineKey<string>('other', 1), 'gone');
  await m.storage.removeAllExcept([keep]);
  expect([...fake.storage.keys()]).toEqual(['payments.pending']);
});
