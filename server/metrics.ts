// Prometheus metrics: one registry per server (tests start many servers in one process, and a metric registers once
// per registry), and the Node process's own metrics, collected once per process and merged in at each scrape.
// Outside http/ so that domain code can be handed the counters it should count.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface Metrics {
  /** Every answered request by method, route pattern (never the raw URL: unbounded) and status. */
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  ordersCreated: Counter;
  paymentsConfirmed: Counter;
  couponsClaimed: Counter;
  jobsRun: Counter<'kind' | 'outcome'>;
  contentType: string;
  /** The scrape: this server's metrics and the process's, in Prometheus's text format. */
  text(): Promise<string>;
}

let processRegistry: Registry | undefined;

function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export function createMetrics(): Metrics {
  const registers = [new Registry()];
  const node = processMetrics();
  return {
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status.',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    ordersCreated: new Counter({ name: 'wayfarer_orders_created_total', help: 'Orders created.', registers }),
    paymentsConfirmed: new Counter({
      name: 'wayfarer_payments_confirmed_total',
      help: 'Payments confirmed by a notification or a query.',
      registers,
    }),
    couponsClaimed: new Counter({
      name: 'wayfarer_coupons_claimed_total',
      help: 'Coupons claimed.',
      registers,
    }),
    jobsRun: new Counter({
      name: 'wayfarer_jobs_total',
      help: 'Jobs run, by kind and outcome (done, retried, failed).',
      labelNames: ['kind', 'outcome'],
      registers,
    }),
    contentType: node.contentType,
    text: () => Registry.merge([node, ...registers]).metrics(),
  };
}
