// One server instance for the benchmark, in its own process (so the load generator does not share its event
// loop): argv[2] is a postgres:// URL, or empty for an in-memory PGlite. Prints its origin once it listens.
import { developmentLogin } from '../../server/accounts/login';
import { buildServer } from '../../server/app';

async function main(): Promise<void> {
  const url = process.argv[2] || undefined;
  // Production mode (no /dev routes, no response re-validation) with the demo content and development's login.
  const app = buildServer({
    dev: false,
    demoContent: true,
    login: developmentLogin,
    database: url === undefined ? {} : { url },
    // The benchmark's buyers each hold many unpaid orders; the per-person caps are not what is measured.
    maxPendingOrders: 1_000_000,
    maxHeldPlaces: 1_000_000,
    rateLimits: false,
  });
  console.log(await app.listen({ port: 0, host: '127.0.0.1' }));
}

void main();
