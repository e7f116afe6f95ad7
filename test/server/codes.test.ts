// Signed ticket codes: what a gate scans is the ticket's code, product and days signed with the server's Ed25519
// key; any change to it is refused; keys rotate, and a code signed with a retired key works through its grace
// period only.
import { createPublicKey, verify as verifySignature } from 'crypto';
import fc from 'fast-check';
import { parseSignedCode } from '../../server/codes/format';
import { ensureSigningKey, GRACE_MS, rotateSigningKey } from '../../server/codes/signer';
import { Clock, DAY, MINUTE, day, orderBody, shopper, type Shopper } from './commerce';
import { useServer, type Schemas } from './helpers';

const clock = new Clock();
const server = useServer({ now: clock.now, sessionTtlMs: DAY * 365 });
const deps = () => server.app.wayfarer.deps;
const check = (text: string) => deps().db.transaction((tx) => deps().codes.verify(tx, text));

let alice: Shopper;
let ticket: Schemas['Ticket'];
beforeAll(async () => {
  alice = await shopper(server, 'alice');
  const placed = (await alice.createOrder(orderBody([{ date: day(3) }]))).body;
  await alice.pay(placed.id);
  ticket = (await alice.get<Schemas['TicketList']>(`/v1/tickets?orderId=${placed.id}`)).body.items[0]!;
});

const payloadOf = async (): Promise<string> =>
  (await alice.get<Schemas['TicketList']>(`/v1/tickets?orderId=${ticket.orderId}`)).body.items[0]!.qrPayload;

test("a ticket's QR code carries its code, product and days, signed with a key the database holds", async () => {
  const code = parseSignedCode(ticket.qrPayload)!;
  expect(code.kind).toBe('T');
  expect(code.fields).toEqual([ticket.code, ticket.productId, ticket.visitDate, ticket.validUntil]);
  const [key] = await deps().db.query<{ public_key: string }>(
    'SELECT public_key FROM signing_keys WHERE kid = $1',
    [code.keyId],
  );
  const publicKey = createPublicKey(key!.public_key);
  expect(
    verifySignature(null, Buffer.from(code.message), publicKey, Buffer.from(code.signature, 'base64url')),
  ).toBe(true);
  expect(await check(ticket.qrPayload)).toMatchObject({ ok: true });
  // Small enough for a QR code read off a phone screen.
  expect(ticket.qrPayload.length).toBeLessThan(180);
});

test('any changed character of a code is refused', async () => {
  const text = ticket.qrPayload;
  await fc.assert(
    fc.asyncProperty(
      fc.nat(text.length - 1),
      fc.constantFrom(...'0123456789ABCDEFGHJKMNPQRSTVWXYZabcdefghijkmnopqrstuvwxyz-_~:.'),
      async (at, replacement) => {
        fc.pre(text[at] !== replacement);
        const altered = text.slice(0, at) + replacement + text.slice(at + 1);
        expect(await check(altered)).toMatchObject({ ok: false });
      },
    ),
    { numRuns: 200 },
  );
});

test("the signature's last character, whose low bits base64 decoders ignore, is refused when changed", async () => {
  const last = ticket.qrPayload.at(-1)!;
  const variants = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].filter(
    (c) => c !== last,
  );
  for (const c of variants)
    expect(await check(ticket.qrPayload.slice(0, -1) + c)).toMatchObject({ ok: false });
});

test('a field changed and re-joined, another key id, a stranger text or no signature: refused with the reason', async () => {
  const code = parseSignedCode(ticket.qrPayload)!;
  const otherDay = ticket.qrPayload.replace(`~${ticket.visitDate}~`, `~${day(4)}~`);
  expect(otherDay).not.toBe(ticket.qrPayload);
  expect(await check(otherDay)).toEqual({ ok: false, reason: 'forged' });
  expect(await check(ticket.qrPayload.replace(code.keyId, 'k20990101ffffff'))).toEqual({
    ok: false,
    reason: 'unknown-key',
  });
  expect(await check(`WAYFARER:T1:${ticket.code}`)).toEqual({ ok: false, reason: 'malformed' });
  expect(await check(code.message)).toEqual({ ok: false, reason: 'malformed' });
});

test('keys rotate: new codes use the new key, old ones work through the grace period, then are refused', async () => {
  const before = ticket.qrPayload;
  const oldKid = parseSignedCode(before)!.keyId;
  const newKid = await rotateSigningKey(deps().db, clock.now());
  clock.advance(2 * MINUTE); // past the cache of keys
  const after = await payloadOf();
  expect(parseSignedCode(after)!.keyId).toBe(newKid);
  expect(newKid).not.toBe(oldKid);
  // A code signed with the old key, under the new key id, does not pass.
  expect(await check(before.replace(oldKid, newKid))).toEqual({ ok: false, reason: 'forged' });
  expect(await check(before)).toMatchObject({ ok: true });
  clock.advance(GRACE_MS);
  expect(await check(before)).toEqual({ ok: false, reason: 'retired-key' });
  expect(await check(after)).toMatchObject({ ok: true });
});

test('starting again (or a second instance) keeps the key in use', async () => {
  const active = () => deps().db.query('SELECT kid FROM signing_keys WHERE retired_at IS NULL');
  const before = await active();
  await Promise.all([ensureSigningKey(deps().db, clock.now()), ensureSigningKey(deps().db, clock.now())]);
  expect(await active()).toEqual(before);
  expect(before).toHaveLength(1);
});
