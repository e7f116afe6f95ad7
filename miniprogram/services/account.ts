// What the Me tab keeps and deletes on this device. Deleting keeps only the ids of payments still waiting for the
// server's confirmation: the next launch must be able to reconcile them (and then drops them itself).
import { pendingPayments, pendingPaymentsKey } from './payment';
import { signOut } from './session';
import { defineKey, read, removeAllExcept, write } from './storage';

/** The last counts the server gave for the hub entries that have no local store of their own. */
export interface HubCounts {
  orders: number;
  policies: number;
}

const hubCountsKey = defineKey<HubCounts>('me.counts', 1);

export function loadHubCounts(): Promise<HubCounts | undefined> {
  return read(hubCountsKey);
}

export async function saveHubCounts(counts: HubCounts): Promise<void> {
  await write(hubCountsKey, counts);
}

/** Returns how many unconfirmed payments were kept. */
export async function deleteDeviceData(): Promise<number> {
  await signOut();
  await removeAllExcept([pendingPaymentsKey]);
  return (await pendingPayments()).length;
}
