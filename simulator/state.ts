// What the WeChat simulator knows (merchants, transactions, its keys, the faults it was told to make) and how it
// checks a request and signs an answer; simulator.ts puts it behind HTTP.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KeyObject } from 'crypto';
import { parseAuthorization, requestMessage, rsaVerify, signedHeaders } from './crypto';
import { Faults } from './faults';
import { newPlatformKeys, type PlatformKeys, type PlatformMode } from './keys';
import { Notifier } from './notifier';
import type { Refund, Region, Transaction } from './transactions';

export interface Merchant {
  region: Region;
  mchid: string;
  appid: string;
  /** The serial of the merchant API certificate the merchant signs with. */
  serial: string;
  publicKey: KeyObject;
  apiV3Key: string;
}

export interface SimulatorOptions {
  /** Multiplies WeChat's waits (notification retries); tests compress them. Default 1. */
  timeScale?: number;
  /** Real milliseconds between a payment and its first notification attempt. Default 200. */
  notifyDelayMs?: number;
  /** How merchants hold the platform's key: a public key (default, what new merchants get) or a certificate. */
  platformMode?: PlatformMode;
  /** Real milliseconds before a refund succeeds (0: it succeeds before the refund API answers). Default 1 s. */
  refundDelayMs?: number;
  /** How long a `timeout` fault holds an answer back, in real ms. Default 30 s. */
  hangMs?: number;
  /** The scenario's clock (payment deadlines, success times); signatures always carry the real time. */
  clock?: () => number;
  /** Where the sandbox sheet's decisions are sent, as the mini program reaches the simulator. */
  publicOrigin?: string;
}

const CLOCK_SKEW_S = 300;

export class SimulatorState {
  readonly merchants = new Map<string, Merchant>();
  readonly transactions = new Map<string, Transaction>();
  /** Refunds by `mchid:out_refund_no`. */
  readonly refunds = new Map<string, Refund>();
  readonly faults = new Faults();
  /** Mini programs by appid, with their AppSecret; login codes already exchanged; access tokens issued. */
  readonly apps = new Map<string, string>();
  readonly usedCodes = new Set<string>();
  readonly tokens = new Map<string, { appid: string; expiresAt: number }>();
  /** Subscribe message templates by id, with their field keys; the messages sent with them. */
  readonly templates = new Map<string, string[]>();
  readonly messages: Array<{ touser: string; templateId: string; data: Record<string, { value: string }> }> =
    [];
  /** Orders whose delivery the merchant reported (upload_shipping_info). */
  readonly shipments: Array<{ mchid: string; outTradeNo: string; itemDesc: string }> = [];
  /** Every request received, as `METHOD /path` (no query: it may hold a secret or token); tests read it. */
  readonly calls: string[] = [];
  readonly notifier: Notifier;
  readonly clock: () => number;
  readonly notifyDelayMs: number;
  readonly hangMs: number;
  /** Mutable: tests hold refunds back or let them through. */
  refundDelayMs: number;
  private platform: PlatformKeys;
  private readonly retired: PlatformKeys[] = [];
  protected listening?: string;

  constructor(protected readonly options: SimulatorOptions = {}) {
    this.clock = options.clock ?? Date.now;
    this.platform = newPlatformKeys(options.platformMode);
    this.notifyDelayMs = options.notifyDelayMs ?? 200;
    this.hangMs = options.hangMs ?? 30_000;
    this.refundDelayMs = options.refundDelayMs ?? 1000;
    this.notifier = new Notifier(() => this.platform, this.clock, options.timeScale ?? 1);
  }

  /** Runs `run` after `delayMs` of real time, unless the simulator closes first. */
  later(delayMs: number, run: () => Promise<void>): void {
    this.notifier.after(delayMs, run);
  }

  /** Where the server reaches the simulator. */
  get origin(): string {
    if (!this.listening) throw new Error('the WeChat simulator is not listening');
    return this.listening;
  }

  /** Where the mini program's sandbox sheet reaches the simulator. */
  get publicOrigin(): string {
    return this.options.publicOrigin ?? this.origin;
  }

  registerMerchant(merchant: Merchant): void {
    this.merchants.set(merchant.mchid, merchant);
  }

  /** What a merchant downloads of the platform's keys, by serial (the current one and those retired by rotation). */
  platformPems(): Record<string, string> {
    return Object.fromEntries([this.platform, ...this.retired].map((k) => [k.serial, k.pem]));
  }

  get platformSerial(): string {
    return this.platform.serial;
  }

  /** The current signing key (tests forge and alter notifications with it). */
  get signingKeys(): PlatformKeys {
    return this.platform;
  }

  /** A new platform key signs from now on; the old one is retired (merchants configured with it fail to verify). */
  rotateKey(): void {
    this.retired.push(this.platform);
    this.platform = newPlatformKeys(this.options.platformMode);
  }

  /** Checks a WeChat Pay request's merchant signature; the merchant, or undefined (the caller answers 401). */
  authenticate(request: FastifyRequest): Merchant | undefined {
    const auth = parseAuthorization(request.headers.authorization);
    if (!auth) return undefined;
    const merchant = this.merchants.get(auth.mchid);
    if (!merchant || merchant.serial !== auth.serial) return undefined;
    const skew = Math.abs(Number(auth.timestamp) - Date.now() / 1000);
    if (!(skew <= CLOCK_SKEW_S)) return undefined;
    const body = typeof request.body === 'string' ? request.body : '';
    const message = requestMessage(request.method, request.url, auth.timestamp, auth.nonce, body);
    return rsaVerify(message, auth.signature, merchant.publicKey) ? merchant : undefined;
  }

  /** Answers as WeChat Pay does: JSON (or nothing) signed with the platform key. */
  answer(reply: FastifyReply, status: number, body?: object): FastifyReply {
    const text = body === undefined ? '' : JSON.stringify(body);
    const headers = signedHeaders(
      text,
      this.platform.privateKey,
      this.platform.serial,
      Math.floor(Date.now() / 1000),
    );
    void reply.code(status).headers(headers);
    if (body === undefined) return reply.send();
    return reply.type('application/json').send(text);
  }
}
