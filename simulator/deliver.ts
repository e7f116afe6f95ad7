// A payment or refund notification sent as the notification fault queue says: dropped, held back, or sent twice
// (a duplicate carries the same id, as WeChat Pay's redeliveries do).
import type { NotificationOptions } from './notifier';
import type { SimulatorState } from './state';

/**
 * Sends the notification after `delayMs` (or the fault's delay); once the first attempt ended, returns its id and
 * the merchant's answer (undefined when not sent yet). Undefined when the fault queue drops it. `faulty: false` (a
 * deliberate resend) takes no fault.
 */
export async function deliver(
  sim: SimulatorState,
  options: Omit<NotificationOptions, 'delayMs'>,
  delayMs: number,
  faulty = true,
): Promise<{ id: string; status: number | undefined } | undefined> {
  const fault = faulty ? sim.faults.nextNotify() : undefined;
  if (fault?.kind === 'drop') return undefined;
  const first = sim.notifier.send({ ...options, delayMs: fault?.kind === 'delay' ? fault.ms : delayMs });
  const again =
    fault?.kind === 'duplicate' ? sim.notifier.send({ ...options, id: first.id, delayMs }) : undefined;
  const [status] = await Promise.all([first.firstAttempt, again?.firstAttempt]);
  return { id: first.id, status };
}
