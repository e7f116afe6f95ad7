// Staff in WeChat, on the server: invitations bind a user to one attraction's gate or one merchant, once and until
// they expire; gate staff scan signed ticket codes and let a ticket in once (a retry answers the same; a second
// scan is told when it was used); a used ticket can not be refunded; every staff action is audited.
import { invite, type StaffRole } from '../../server/staff/staff';
import { Clock, DAY, day, key, orderBody, shopper, type Shopper } from './commerce';
import { useServer, type Schemas } from './helpers';

const clock = new Clock();
const server = useServer({ now: clock.now, sessionTtlMs: DAY * 365 });
const deps = () => server.app.wayfarer.deps;

async function invitation(role: StaffRole, scopeId: string, ttlMs = DAY): Promise<string> {
  const seed = await deps().content.seed();
  const { code } = await deps().db.transaction((tx) =>
    invite(tx, seed, clock.now(), 'test', { role, scopeId, ttlMs }),
  );
  return code;
}

async function staffMember(name: string, role: StaffRole, scopeId: string): Promise<Shopper> {
  const person = await shopper(server, name);
  const bound = await person.post<Schemas['StaffProfile']>('/v1/staff/bind', {
    code: await invitation(role, scopeId),
  });
  expect(bound.status).toBe(200);
  return person;
}

type Refusal = Schemas['Error'] & { details?: Record<string, unknown> };
const scan = (who: Shopper, payload: string) =>
  who.post<Schemas['ScanResult']>('/v1/staff/scans', { payload }).then((r) => r.body);
const checkIn = (who: Shopper, payload: string, idempotencyKey = key()) =>
  who.post<Schemas['CheckIn'] & Refusal>(
    '/v1/staff/check-ins',
    { payload },
    { 'idempotency-key': idempotencyKey },
  );

describe('invitations', () => {
  it('bind a user once: the same user again gets the profile, anyone else is refused', async () => {
    const code = await invitation('gate', 'sky-tower');
    const gate = await shopper(server, 'gate-bind');
    const first = await gate.post<Schemas['StaffProfile']>('/v1/staff/bind', { code });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      role: 'gate',
      scopeId: 'sky-tower',
      scopeName: { en: expect.any(String) },
    });
    expect((await gate.post('/v1/staff/bind', { code: code.toLowerCase() })).status).toBe(200);
    expect((await gate.get<Schemas['StaffProfile']>('/v1/staff/me')).body.scopeId).toBe('sky-tower');
    const other = await shopper(server, 'gate-thief');
    expect((await other.post<Refusal>('/v1/staff/bind', { code })).body.code).toBe('INVITATION_USED');
    expect((await other.get<Refusal>('/v1/staff/me')).body.code).toBe('NOT_STAFF');
  });

  it('refuse an unknown or expired code and an unknown place', async () => {
    const someone = await shopper(server, 'gate-late');
    const expired = await invitation('merchant', 'harbour-dumplings-demo', 1000);
    clock.advance(2000);
    const late = await someone.post<Refusal>('/v1/staff/bind', { code: expired });
    expect([late.status, late.body.code]).toEqual([410, 'INVITATION_EXPIRED']);
    const unknown = await someone.post<Refusal>('/v1/staff/bind', { code: 'NOSUCHCODE' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'INVITATION_UNKNOWN']);
    await expect(invitation('gate', 'harbour-dumplings-demo')).rejects.toThrow(/not a gate place/);
  });
});

describe('at the gate', () => {
  let alice: Shopper;
  let gate: Shopper;
  let orderId: string;
  let payload: string;
  beforeAll(async () => {
    alice = await shopper(server, 'alice');
    gate = await staffMember('sky-gate', 'gate', 'sky-tower');
    const placed = (await alice.createOrder(orderBody([{ productId: 'sky-tower-skydeck', date: day(3) }])))
      .body;
    await alice.pay(placed.id);
    orderId = placed.id;
    payload = (await alice.get<Schemas['TicketList']>(`/v1/tickets?orderId=${orderId}`)).body.items[0]!
      .qrPayload;
  });

  it('only gate staff may scan', async () => {
    const stranger = await shopper(server, 'not-staff');
    const refused = await stranger.post<Refusal>('/v1/staff/scans', { payload });
    expect([refused.status, refused.body.code]).toEqual([403, 'NOT_STAFF']);
    const cashier = await staffMember('cashier', 'merchant', 'harbour-dumplings-demo');
    expect((await checkIn(cashier, payload)).status).toBe(403);
  });

  it('a ticket for another day is refused with its date; on the day it is let in once', async () => {
    const early = await scan(gate, payload);
    expect(early.verdict).toBe('NOT_TODAY');
    expect(early.ticket?.visitDate).toBe(day(3));
    const refused = await checkIn(gate, payload);
    expect([refused.status, refused.body.code, refused.body.details?.visitDate]).toEqual([
      409,
      'NOT_TODAY',
      day(3),
    ]);

    clock.advance(3 * DAY);
    expect((await scan(gate, payload)).verdict).toBe('VALID');
    const attempt = key();
    const admitted = await checkIn(gate, payload, attempt);
    expect(admitted.status).toBe(200);
    expect(admitted.body.ticket.usedAt).toBe(admitted.body.at);
    // The gate's network lost the answer: the retry answers the same.
    const retried = await checkIn(gate, payload, attempt);
    expect([retried.status, retried.body.at]).toEqual([200, admitted.body.at]);
    // The tourist's ticket is used, and the order can no longer be refunded.
    const tickets = (await alice.get<Schemas['TicketList']>(`/v1/tickets?orderId=${orderId}`)).body.items;
    expect(tickets.map((t) => t.status)).toEqual(['used']);
    const refund = await alice.post<Refusal>(`/v1/orders/${orderId}/refund`, { reason: 'plans changed' });
    expect([refund.status, refund.body.code, refund.body.details?.reason]).toEqual([
      409,
      'ORDER_NOT_REFUNDABLE',
      'a ticket was used',
    ]);

    // Scanned again, here or at a second gate of the same attraction: told when it was used.
    const again = await checkIn(await staffMember('sky-gate-2', 'gate', 'sky-tower'), payload);
    expect([again.status, again.body.code, again.body.details?.usedAt]).toEqual([
      409,
      'TICKET_USED',
      admitted.body.at,
    ]);
    const list = (await gate.get<Schemas['CheckInList']>('/v1/staff/check-ins')).body;
    expect(list.total).toBe(1);
    expect(list.items[0]!.ticket.code).toBe(admitted.body.ticket.code);
  });

  it('another attraction, an altered code and a stranger text are refused with the reason', async () => {
    const zoo = await staffMember('zoo-gate', 'gate', 'auckland-zoo');
    expect((await scan(zoo, payload)).verdict).toBe('WRONG_PLACE');
    const altered = payload.replace(/~sky-tower-skydeck~/, '~auckland-zoo-entry~');
    expect((await scan(zoo, altered)).verdict).toBe('CODE_FORGED');
    expect((await scan(zoo, 'hello')).verdict).toBe('CODE_UNREADABLE');
  });

  it('a revoked staff member can do nothing more; every step is in the audit log', async () => {
    const { revoke } = await import('../../server/staff/staff');
    const [user] = await deps().db.query<{ user_id: string }>(
      `SELECT user_id FROM staff WHERE scope_id = 'auckland-zoo'`,
    );
    await deps().db.transaction((tx) => revoke(tx, clock.now(), 'test', user!.user_id));
    const zoo = await shopper(server, 'zoo-gate');
    expect((await zoo.post<Refusal>('/v1/staff/scans', { payload })).body.code).toBe('NOT_STAFF');
    const actions = await deps().db.query<{ action: string }>(
      'SELECT DISTINCT action FROM audit_log ORDER BY action',
    );
    expect(actions.map((a) => a.action)).toEqual([
      'staff.bind',
      'staff.invite',
      'staff.revoke',
      'ticket.check-in',
    ]);
  });
});
