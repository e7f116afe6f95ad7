// What a hostile probe of the old dev API found, each kept fixed: bodies that cost the server more than they are
// worth, and a login code that named someone else's account.
import { MAX_BODY_VALUES } from '../../server/core/contract';
import { Clock, DAY, key, shopper } from './commerce';
import { useServer, type ErrorBody, type Schemas } from './helpers';

const clock = new Clock();
const server = useServer({ now: clock.now, sessionTtlMs: 365 * DAY });

describe('bodies are refused before they cost anything', () => {
  it('13,000 empty order items (39 KB) are refused on the body, never validated item by item', async () => {
    const mallory = await shopper(server, 'mallory');
    const items = Array.from({ length: 13_000 }, () => ({}));
    const [refused, destination] = await Promise.all([
      mallory.createOrder({ items, contact: {} }),
      server.api<Schemas['Destination']>('/v1/destination'),
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.details).toMatchObject({
      field: 'body',
      fields: [{ field: 'body', code: 'too_long', message: `body has more than ${MAX_BODY_VALUES} values` }],
    });
    expect(destination.status).toBe(200);
  });

  it('a body above 64 KB is 413 in the contract shape', async () => {
    const mallory = await shopper(server, 'mallory2');
    const res = await mallory.createOrder({ items: Array.from({ length: 30_000 }, () => ({})), contact: {} });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('reports at most 20 bad fields however many there are', async () => {
    const mallory = await shopper(server, 'mallory3');
    const items = Array.from({ length: 300 }, () => ({
      productId: 1,
      ticketTypeId: 2,
      date: 3,
      quantity: 'x',
    }));
    const res = await mallory.createOrder({ items, contact: {} }, key());
    expect(res.status).toBe(400);
    expect((res.body as ErrorBody).details?.fields).toHaveLength(20);
  });
});

describe('only the login exchange says who a user is', () => {
  it('a code built from an existing user id logs in a different person', async () => {
    const victim = await server.api<Schemas['Session']>('/v1/auth/session', {
      body: { code: 'user-victim-1' },
    });
    const id = victim.body.userId;
    for (const code of [`user-${id}-1`, `user-${id.replace(/^u_/, '')}-2`, id]) {
      const attacker = await server.api<Schemas['Session']>('/v1/auth/session', { body: { code } });
      expect(attacker.status).toBe(200);
      expect(attacker.body.userId).not.toBe(id);
    }
  });
});
