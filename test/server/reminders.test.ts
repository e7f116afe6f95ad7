// The visit-day reminder: accepted for a paid ticket order, sent once through subscribeMessage.send the day before
// the visit at 18:00 in Auckland — across the end of daylight saving too — never for a refunded order, and not
// retried when WeChat says the user's subscription is used up.
import { instantOf } from '../../miniprogram/domain/time';
import { Clock, MINUTE, ZONE, orderBody, shopper, type Shopper } from './commerce';
import { eventually } from '../support/eventually';
import { useServer, type Schemas } from './helpers';

const clock = new Clock();
const server = useServer({ now: clock.now, sessionTtlMs: 365 * 24 * 60 * MINUTE });

let alice: Shopper;
beforeAll(async () => {
  alice = await shopper(server, 'alice');
});

async function paidOrder(date: string): Promise<string> {
  const placed = await alice.createOrder(orderBody([{ date, quantity: 1 }]));
  if (placed.status !== 201) throw new Error(JSON.stringify(placed.body));
  await alice.pay(placed.body.id);
  return placed.body.id;
}

const remind = (orderId: string) =>
  alice.post<Schemas['Reminder'] & Schemas['Error']>(`/v1/orders/${orderId}/reminder`);
const messagesFor = (date: string) => server.sim.messages.filter((m) => m.data.date2?.value === date);

/** What became of an order's reminder (null while it is still due). */
const outcomeOf = (orderId: string) => async () => {
  const [row] = await server.app.wayfarer.deps.db.query<{ outcome: string | null }>(
    'SELECT outcome FROM reminders WHERE order_id = $1',
    [orderId],
  );
  return row?.outcome ?? null;
};

async function runJobs(): Promise<void> {
  await server.app.wayfarer.worker.runDue();
}

describe('the visit-day reminder', () => {
  it('is due at 18:00 the day before the visit, sent once with the template fields', async () => {
    clock.set('2026-12-01', '10:00');
    const orderId = await paidOrder('2026-12-09');
    const first = await remind(orderId);
    expect(first.status).toBe(200);
    expect(Date.parse(first.body.sendAt)).toBe(instantOf('2026-12-08', '18:00', ZONE));
    expect((await remind(orderId)).body.sendAt).toBe(first.body.sendAt);
    clock.set('2026-12-08', '17:59');
    await runJobs();
    expect(messagesFor('2026-12-09')).toEqual([]);
    clock.advance(MINUTE);
    server.app.wayfarer.worker.wake(0);
    await eventually(outcomeOf(orderId), (outcome) => outcome === 'sent');
    await runJobs();
    expect(messagesFor('2026-12-09')).toEqual([
      expect.objectContaining({
        templateId: 'wayfarer-visit-reminder-demo',
        data: {
          thing1: { value: expect.any(String) },
          date2: { value: '2026-12-09' },
          thing3: { value: expect.any(String) },
        },
      }),
    ]);
  });

  it('follows the clocks when daylight saving ends before the visit (NZDT +13 -> NZST +12)', async () => {
    clock.set('2027-03-30', '10:00');
    const orderId = await paidOrder('2027-04-05');
    const { body } = await remind(orderId);
    // Daylight saving ends in Auckland at 03:00 on Sunday 4 April 2027: 18:00 that day is 06:00 UTC, not 05:00.
    expect(body.sendAt).toBe('2027-04-04T06:00:00.000Z');
  });

  it('goes out at once when accepted after the hour on the day before', async () => {
    clock.set('2027-04-10', '20:00');
    const orderId = await paidOrder('2027-04-11');
    const { body } = await remind(orderId);
    expect(Date.parse(body.sendAt)).toBe(clock.ms);
    server.app.wayfarer.worker.wake(0);
    await eventually(outcomeOf(orderId), (outcome) => outcome === 'sent');
    expect(messagesFor('2027-04-11')).toHaveLength(1);
  });

  it('is void for a refunded order and not retried when the subscription is used up', async () => {
    clock.set('2027-04-12', '10:00');
    const refunded = await paidOrder('2027-04-20');
    const refused = await paidOrder('2027-04-21');
    await remind(refunded);
    await remind(refused);
    expect((await alice.post(`/v1/orders/${refunded}/refund`, { reason: 'plans changed' })).status).toBe(200);
    server.sim.faults.subscribe.push(43101);
    clock.set('2027-04-20', '18:00');
    server.app.wayfarer.worker.wake(0);
    expect(await eventually(outcomeOf(refunded), (outcome) => outcome !== null)).toBe('void');
    expect(await eventually(outcomeOf(refused), (outcome) => outcome !== null)).toBe('refused');
    await runJobs();
    expect(messagesFor('2027-04-20')).toEqual([]);
    expect(messagesFor('2027-04-21')).toEqual([]);
  });

  it('answers 409 REMINDER_NOT_AVAILABLE for an unpaid order or a visit today', async () => {
    clock.set('2027-04-22', '10:00');
    const unpaid = (await alice.createOrder(orderBody([{ date: '2027-04-25' }]))).body;
    const today = await paidOrder('2027-04-22');
    for (const id of [unpaid.id, today]) {
      const res = await remind(id);
      expect([res.status, res.body.code]).toEqual([409, 'REMINDER_NOT_AVAILABLE']);
    }
  });
});
