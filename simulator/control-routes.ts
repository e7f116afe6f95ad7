// The simulator's own operations (not WeChat's): the develop build's sandbox sheet reports the payer's choice for a
// prepay id, and tests or a developer tell it to misbehave or rotate its key.
import type { FastifyInstance } from 'fastify';
import { parseFaults } from './faults';
import { decide, resend, type SheetOutcome } from './payer';
import type { SimulatorState } from './state';

const OUTCOMES: readonly SheetOutcome[] = ['pay', 'cancel', 'fail'];

export function registerControl(app: FastifyInstance, sim: SimulatorState): void {
  const json = (body: unknown): unknown => {
    try {
      return typeof body === 'string' && body !== '' ? JSON.parse(body) : undefined;
    } catch {
      return undefined;
    }
  };

  app.post<{ Params: { prepayId: string } }>('/sim/pay/:prepayId', async (request, reply) => {
    const outcome = (json(request.body) as { outcome?: SheetOutcome } | undefined)?.outcome;
    if (outcome === undefined || !OUTCOMES.includes(outcome)) {
      return reply.code(400).send({ code: 'PARAM_ERROR', message: 'outcome must be pay, cancel or fail' });
    }
    const result = await decide(sim, request.params.prepayId, outcome);
    if (result === 'unknown')
      return reply.code(404).send({ code: 'ORDER_NOT_EXIST', message: 'unknown prepay id' });
    return reply.code(result === 'closed' ? 409 : 200).send({ result });
  });

  // A WeChat Pay retry of a payment's notification, now: 204 once the merchant acknowledged it, 502 if it did not
  // (WeChat Pay then goes on retrying on its schedule).
  app.post<{ Params: { mchid: string; outTradeNo: string } }>(
    '/sim/notify/:mchid/:outTradeNo',
    async (request, reply) => {
      const answer = await resend(sim, request.params.mchid, request.params.outTradeNo);
      if (answer === undefined)
        return reply.code(404).send({ code: 'ORDER_NOT_EXIST', message: 'no paid order' });
      return answer >= 200 && answer < 300
        ? reply.code(204).send()
        : reply.code(502).send({ code: 'MERCHANT_REFUSED', message: `the merchant answered ${answer}` });
    },
  );

  app.post('/sim/faults', async (request, reply) => {
    const faults = parseFaults(json(request.body));
    if (!faults)
      return reply
        .code(400)
        .send({ code: 'PARAM_ERROR', message: 'expected {api?: [], notify?: [], login?: []}' });
    sim.faults.api.push(...faults.api);
    sim.faults.notify.push(...faults.notify);
    sim.faults.login.push(...faults.login);
    return reply.code(204).send();
  });

  app.post('/sim/rotate-key', async (_request, reply) => {
    sim.rotateKey();
    return reply.code(200).send({ serial: sim.platformSerial });
  });
}
