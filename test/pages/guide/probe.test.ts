/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
import { startDevApi } from '../../support/dev-api';
test('probe', async () => {
  console.log(typeof fetch, typeof TextEncoder, typeof setImmediate);
  const api = await startDevApi();
  const r = await fetch(api.origin + '/v1/events');
  console.log(r.status);
  await api.close();
});
