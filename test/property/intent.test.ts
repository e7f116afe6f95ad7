// One user intent keeps one Idempotency-Key until the server has answered for good (domain/intent.ts): by property
// over any sequence of taps and answers, a network error or a 5xx (the server may have committed behind a gateway)
// never hands out a new key for the same request, a success or a refusal always ends the intent, and a changed
// request is a new intent.
import fc from 'fast-check';
import { createIntent, type Answer } from '../../miniprogram/domain/intent';

const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.constant({ ok: true } as const),
  fc
    .constantFrom('offline', 'timeout', 'interrupted')
    .map((reason) => ({ ok: false as const, error: { kind: 'network', reason } })),
  fc
    .integer({ min: 400, max: 599 })
    .map((status) => ({ ok: false as const, error: { kind: 'http', status } })),
  fc.constantFrom('auth', 'decode').map((kind) => ({ ok: false as const, error: { kind } })),
);

test('the key survives every answer that may hide a committed write, and only those', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.constantFrom('A', 'B'), answer), { maxLength: 30 }), (taps) => {
      let n = 0;
      const intent = createIntent(() => `k${n++}`);
      let current: { request: string; key: string } | undefined;
      for (const [request, result] of taps) {
        const key = intent.keyFor({ request });
        if (current && current.request === request) expect(key).toBe(current.key);
        else expect(key).not.toBe(current?.key);
        current = { request, key };
        intent.settle(result);
        const final = result.ok || (result.error.kind === 'http' && (result.error.status ?? 500) < 500);
        if (final) current = undefined;
      }
    }),
    { numRuns: 200, seed: 41 },
  );
});
