// The e-ticket wallet kept on the phone, so every ticket and its QR code opens at the gate with no signal.
// Ticket codes are bearer credentials, so the wallet is stored encrypted.
import type { components } from '../../typings/api';
import { defineKey, read, write, type StorageWriteError } from './storage';

export type WalletTicket = components['schemas']['Ticket'];

export interface Wallet {
  tickets: WalletTicket[];
  /** When the server last gave the full list (epoch ms). */
  syncedAt: number;
  /** The destination's zone, so "today" and "tomorrow" are right when the wallet opens offline. */
  timeZone: string;
}

export const walletKey = defineKey<Wallet>('wallet.tickets', 1, { encrypt: true });

export function loadWallet(): Promise<Wallet | undefined> {
  return read(walletKey);
}

/** The server's list replaces the stored one: it is the truth about refunds and use. */
export function saveWallet(wallet: Wallet): Promise<StorageWriteError | undefined> {
  return write(walletKey, wallet);
}
