// Jest globalTeardown: stops and deletes the cluster globalSetup started (a given TEST_DATABASE_URL is left alone).
import { stopCluster, type Cluster } from '../../scripts/lib/pg-cluster';
import { CLUSTER_KEY } from './pg-global-setup';

export default function pgGlobalTeardown(): void {
  const globals = globalThis as Record<string, unknown>;
  const cluster = globals[CLUSTER_KEY] as Cluster | undefined;
  if (cluster === undefined) return;
  delete globals[CLUSTER_KEY];
  delete process.env.TEST_DATABASE_URL;
  stopCluster(cluster);
}
