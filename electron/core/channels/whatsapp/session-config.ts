import type { CacheStore, UserFacingSocketConfig } from '@whiskeysockets/baileys';
import type { NotifierNotice, WhatsAppNotice } from '../../../../shared/domain/notices';
import type { AccountStatus } from '../../../../shared/domain/schemas';
import type { Clock, Logger } from '../../ports';
import type { ChannelSink } from '../types';
import type { makeSqliteAuthState } from './auth-store';
import type { CryptoBox } from '../../host';
import type { MediaFetcher } from './media';
import type { SocketFactory } from './socket-types';
import type { Timers } from './timers';
import type { WaRepo } from './wa-repo';

// What one session (session.ts) is given. Types only, so the session manager can name them without loading Baileys.

/** The session's timings and limits; `DEFAULT_SESSION_OPTIONS` in production, shortened in tests. */
export interface SessionOptions {
  /**
   * Reconnect a socket that has pushed nothing for this long although "connected", in ms (Baileys' own keep-alive
   * pings every 30 s, so a healthy socket is never this quiet). Default 30 min.
   */
  watchdogSilenceMs: number;
  /** How often the watchdog looks at the socket's last activity, in ms. Default 1 min. */
  watchdogCheckMs: number;
  /** A connection that stayed open this long resets the reconnect failure counter (and its backoff), in ms. Default 1 min. */
  stableAfterMs: number;
  /** How long a QR / pairing-code linking may take before it is stopped, in ms (the UI counts it down). Default 3 min. */
  linkWindowMs: number;
  /** A received photo, voice note or document larger than this is not downloaded, in bytes. Default 16 MiB. */
  mediaMaxBytes: number;
  /** Decryption failures in one session before the seller is alerted (`wa_unreadable`), once per session. Default 5. */
  decryptAlertThreshold: number;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = {
  watchdogSilenceMs: 30 * 60_000,
  watchdogCheckMs: 60_000,
  stableAfterMs: 60_000,
  linkWindowMs: 3 * 60_000,
  mediaMaxBytes: 16 * 1024 * 1024,
  decryptAlertThreshold: 5,
};

/** What a session tells its manager; each is called synchronously from the socket's event. */
export interface SessionEvents {
  /** The number's status changed; `detail` says why when it is not plainly connected/connecting. */
  status(status: AccountStatus, detail: WhatsAppNotice | null): void;
  /** A fresh linking QR, as a PNG data URL, valid until `expiresAt` (ISO time, the link window's end). */
  qr(dataUrl: string, expiresAt: string): void;
  /** The 8-character pairing code to type on the phone, valid until `expiresAt` (ISO time). */
  pairingCode(code: string, expiresAt: string): void;
  /** A desktop notice for the seller: a code the shell words (shared/desktop/notifier-strings.ts). */
  alert(notice: NotifierNotice): void;
}

/** Everything one linked number's session needs; the session manager builds it per account. */
export interface SessionDeps {
  /** The `accounts` row this session runs (one WhatsApp number). */
  accountId: number;
  /** The writable database: the SQLite auth store keeps the creds and Signal keys here (wa_auth). */
  sqlite: Parameters<typeof makeSqliteAuthState>[0]['sqlite'];
  /** Seals creds and keys at rest with the data folder's encryption key (crypto-box.ts). */
  box: CryptoBox;
  /** The channel's own tables: policy, contacts, sent-message copies, decrypt-failure counts (wa-repo.ts). */
  repo: WaRepo;
  /** Where inbound messages, delivery statuses and the seller's own echoes go (the pipeline). */
  sink: ChannelSink;
  /** Time for timestamps, the watchdog and the link window (a fake clock in tests). */
  clock: Clock;
  /** Core's logger; Baileys' own logging is routed into it at a lower level (baileys-logger.ts). */
  logger: Logger;
  /** setTimeout/clearTimeout for retries, the watchdog and the link window (fake timers in tests). */
  timers: Timers;
  /** A number in [0, 1) for the reconnect backoff's jitter (`Math.random` in production). */
  random: () => number;
  /** Makes a Baileys socket (`makeWASocket` in production; the loopback stand-in in tests). */
  socketFactory: SocketFactory;
  /** Extra Baileys config merged last (the loopback stand-in sets `waWebSocketUrl`); none in production. */
  socketConfig?: Partial<UserFacingSocketConfig>;
  /** Baileys' message-retry counters, kept by the manager so they survive reconnects. */
  retryCache: CacheStore;
  /** Downloads and decrypts a received attachment (media.ts; a fake in tests). */
  mediaFetcher: MediaFetcher;
  /** The folder received media is saved in (inside the data folder). */
  mediaDir: string;
  /** Renders the QR string Baileys gives into a PNG data URL the UI shows. */
  toQrDataUrl(qr: string): Promise<string>;
  /** Where status, QR, pairing code and alerts are reported. */
  events: SessionEvents;
  /** Timings and limits (see `SessionOptions`). */
  options: SessionOptions;
}
