// The real server (and its WeChat simulator) on loopback ports, with the fake wx routing the app's requests to it.
import type { FakeWx } from './fake-wx';
import { startStack, type Stack, type StackOptions } from './stack';

export type RunningServer = Stack;

export function startApiServer(options: StackOptions = {}): Promise<RunningServer> {
  return startStack(options);
}

/** Routes the app's API requests (whatever its base URL) to the running server; the simulator's as they are. */
export function connect(fake: FakeWx, api: RunningServer): void {
  fake.net.handler = undefined;
  fake.net.server = api.origin;
  fake.net.direct.add(api.sim.origin);
}
