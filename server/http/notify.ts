// WeChat Pay's notification endpoint (WeChat's protocol, not the mini program's contract, so not in
// api/openapi.yaml). The body is kept as the raw text the signature covers. WeChat Pay reads 200/204 as received;
// anything else, with {code: FAIL}, makes it send again later.
import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context';
import { receiveNotification } from '../payments/notifications';
import { NOTIFY_PATH } from '../wechat/pay-config';

export function registerNotify(app: FastifyInstance, deps: Deps): void {
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
    scope.post(NOTIFY_PATH, async (request, reply) => {
      const header = (name: string) => {
        const value = request.headers[name];
        return typeof value === 'string' ? value : undefined;
      };
      const outcome = await receiveNotification(
        deps,
        {
          timestamp: header('wechatpay-timestamp'),
          nonce: header('wechatpay-nonce'),
          serial: header('wechatpay-serial'),
          signature: header('wechatpay-signature'),
        },
        typeof request.body === 'string' ? request.body : '',
      );
      if (outcome.accepted) return reply.code(204).send();
      request.log.warn({ reason: outcome.reason }, 'WeChat Pay notification refused');
      return reply.code(401).send({ code: 'FAIL', message: outcome.reason });
    });
  });
}
