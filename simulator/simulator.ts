// The local stand-in for WeChat's servers (api.weixin.qq.com and the WeChat Pay API hosts) with real crypto: it
// checks the merchant's request signatures, signs its answers, issues prepay ids, takes the develop build's sandbox
// sheet decision for a prepay id, delivers signed, encrypted notifications on WeChat's retry schedule, answers
// queries, and can be told to misbehave. Keys are generated at start; state lives in memory.
import Fastify, { type FastifyInstance } from 'fastify';
import { registerApi } from './api-routes';
import { registerControl } from './control-routes';
import { registerPay } from './pay-routes';
import { registerRefunds } from './refund-routes';
import { SimulatorState, type SimulatorOptions } from './state';

export type { Merchant, SimulatorOptions } from './state';

export class WeChatSimulator extends SimulatorState {
  readonly app: FastifyInstance;

  constructor(options: SimulatorOptions = {}) {
    super(options);
    this.app = Fastify({ logger: false });
    this.app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) =>
      done(null, body),
    );
    this.app.addHook('onRequest', async (request) => {
      this.calls.push(`${request.method} ${request.url.split('?')[0]}`);
    });
    registerPay(this.app, this);
    registerRefunds(this.app, this);
    registerApi(this.app, this);
    registerControl(this.app, this);
    this.app.addHook('onClose', async () => this.notifier.close());
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    this.listening = await this.app.listen({ port, host });
    return this.listening;
  }

  close(): Promise<void> {
    return this.app.close();
  }
}
