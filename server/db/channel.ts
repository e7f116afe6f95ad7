// Notification channels, alike on both drivers.

/**
 * LISTEN takes an identifier and pg_notify a string: only names that read the same both ways (unquoted, lower
 * case) reach the same channel.
 */
export function checkChannel(channel: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) {
    throw new Error(`Channel name ${JSON.stringify(channel)} must be lower case letters, digits and _`);
  }
  return channel;
}

/** Calls a listener so that its failure is reported instead of breaking the connection that delivered it. */
export function deliver(
  listener: (payload: string) => void,
  payload: string,
  onError: (error: Error) => void,
): void {
  try {
    listener(payload);
  } catch (error) {
    onError(error instanceof Error ? error : new Error(String(error)));
  }
}
