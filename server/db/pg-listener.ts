// LISTEN needs a connection of its own that stays open: one pg.Client, opened again whenever it drops.
import pg from 'pg';
import { checkChannel, deliver } from './channel';

type Listener = (payload: string) => void;

const MAX_BACKOFF_MS = 5000;

export class PgListener {
  private readonly channels = new Map<string, Set<Listener>>();
  private client: Promise<pg.Client> | undefined;
  /** The connected client, once its LISTENs are done: a drop of any other client is not ours to handle. */
  private active: pg.Client | undefined;
  private closed = false;

  constructor(
    private readonly config: pg.ClientConfig,
    private readonly onError: (error: Error) => void,
  ) {}

  async listen(channel: string, listener: Listener): Promise<void> {
    checkChannel(channel);
    const listeners = this.channels.get(channel) ?? new Set();
    listeners.add(listener);
    this.channels.set(channel, listeners);
    // The first connection's failure is the caller's error; later drops are retried in the background.
    this.client ??= this.connect().catch((error: unknown) => {
      this.client = undefined;
      throw error;
    });
    const client = await this.client;
    await client.query(`LISTEN ${channel}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = await this.client?.catch(() => undefined);
    await client?.end();
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client(this.config);
    client.on('notification', (message) => {
      for (const listener of this.channels.get(message.channel) ?? []) {
        deliver(listener, message.payload ?? '', this.onError);
      }
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.channels.keys()) await client.query(`LISTEN ${channel}`);
      if (this.closed) throw new Error('Database closed');
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    this.active = client;
    return client;
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.closed || client !== this.active) return;
    this.active = undefined;
    if (error) this.onError(error);
    this.client = this.reconnect();
    // Nobody may be waiting on it; close() and listen() still see its outcome.
    this.client.catch(() => undefined);
  }

  private async reconnect(): Promise<pg.Client> {
    for (let attempt = 0; ; attempt++) {
      if (this.closed) throw new Error('Database closed');
      try {
        return await this.connect();
      } catch (error) {
        if (this.closed) throw error;
        this.onError(error as Error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_BACKOFF_MS, 100 * 2 ** attempt)));
      }
    }
  }
}
