import { type WhatsAppNotice, decodeWhatsAppNotice, encodeWhatsAppNotice, whatsappNotice } from '../../../../shared/domain/notices';
import type { CacheStore, UserFacingSocketConfig } from '@whiskeysockets/baileys';
import type { EventBus } from '../../events';
import type { Clock, Logger, Notifier } from '../../ports';
import type { AccountStatus } from '../../../../shared/domain/schemas';
import type { LinkMethod, WaAccountView } from '../../../../shared/domain/whatsapp';
import type { Channel, ChannelSink } from '../types';
import { toBaileysLogger } from './baileys-logger';
import { makeCryptoBox } from '../../host';
import type { MediaFetcher } from './media';
import { newNumberRamp } from './ramp';
import type { Session } from './session';
import { DEFAULT_SESSION_OPTIONS, type SessionDeps, type SessionOptions } from './session-config';
import type { SocketFactory } from './socket-types';
import { systemTimers, type Timers } from './timers';
import { phoneDigits, makeWhatsAppChannel } from './wa-channel';
import { type WaAccountState, type WaRepo, type WaSqlite, makeWaRepo } from './wa-repo';

export interface WhatsAppDeps {
  /** The writable database: accounts, the channel's tables and each number's sealed creds (wa_auth). */
  sqlite: WaSqlite;
  /** Where every session hands inbound messages, receipts and echoes (the pipeline's ChannelSink). */
  sink: ChannelSink;
  /** Time for statuses, today's counters and the new-number ramp. */
  clock: Clock;
  /** Core's logger (each session adds its accountId). */
  logger: Logger;
  /** Desktop notices: a number that needs the seller (logged out, banned, unreadable messages). */
  notifier: Notifier;
  /** Pushes wa/qr and wa/pairing-code to the UI (accounts/status goes through the sink). */
  bus: EventBus;
  /** Tells the pipeline which channel sends for an account (pipeline.attachChannel / detachChannel). */
  attachChannel?(accountId: number, channel: Channel): void;
  /** The number is no longer connected: its outbox rows wait (retried with backoff) until it is attached again. */
  detachChannel?(accountId: number): void;
  /** 32 bytes: seals creds and keys at rest (see host/encryption-key.ts). */
  encryptionKey: Buffer;
  /** Where received media is saved (a folder in the data directory). */
  mediaDir: string;
  /** Makes each Baileys socket; default Baileys' `makeWASocket` (loaded on first use). Tests pass a double. */
  socketFactory?: SocketFactory;
  /** Extra Baileys config for every socket (the loopback stand-in sets `waWebSocketUrl`); none in production. */
  socketConfig?: Partial<UserFacingSocketConfig>;
  /** setTimeout/clearTimeout for retries, watchdogs and link windows; default the system's. Tests fake them. */
  timers?: Timers;
  /** [0, 1) for the reconnect jitter; default `Math.random`. */
  random?: () => number;
  /** Downloads a received attachment; default Baileys' media download (media.ts). */
  mediaFetcher?: MediaFetcher;
  /** Overrides of the session timings and limits (`DEFAULT_SESSION_OPTIONS` in session-config.ts). */
  options?: Partial<SessionOptions>;
}

/** A tiny in-memory CacheStore: Baileys' retry counters, per account, outliving each socket. */
function makeMemoryCache(): CacheStore {
  const map = new Map<string, unknown>();
  return {
    get: <T>(key: string) => map.get(key) as T | undefined,
    set: <T>(key: string, value: T) => {
      if (map.size > 5000) map.delete(map.keys().next().value as string);
      map.set(key, value);
    },
    del: (key: string) => map.delete(key),
    flushAll: () => map.clear(),
  };
}

export { toUserJid } from './wa-channel';

/**
 * Baileys and the modules that use it at run time, loaded on first use (a number linked or
 * reconnecting): importing Baileys costs ~0.8 s and ~60 MB, which a shop that only uses the
 * test phone never needs to pay, and core is ready before a linked number's socket opens.
 */
async function loadRuntime() {
  const [baileys, session, media, sendErrors] = await Promise.all([
    import('@whiskeysockets/baileys'),
    import('./session'),
    import('./media'),
    import('./send-errors'),
  ]);
  return {
    makeWASocket: baileys.makeWASocket,
    makeSession: session.makeSession,
    baileysMediaFetcher: media.baileysMediaFetcher,
    toChannelSendError: sendErrors.toChannelSendError,
  };
}
type Runtime = Awaited<ReturnType<typeof loadRuntime>>;

const startOfLocalDay = (d: Date): string => {
  const start = new Date(d);
  start.setHours(0, 0, 0, 0);
  return start.toISOString();
};

/** A number's card on the Connect page: its state, today's counters (since local midnight) and its ramp. */
function accountView(repo: WaRepo, s: WaAccountState, now: Date, since: string): WaAccountView {
  return {
    accountId: s.accountId,
    shopId: s.shopId,
    label: s.label,
    phone: s.phone,
    status: s.status,
    detail: decodeWhatsAppNotice(s.detail),
    linkedAt: s.linkedAt,
    lastConnectedAt: s.lastConnectedAt,
    disconnectedSince: s.status === 'connected' ? null : s.disconnectedSince,
    decryptFailures: s.decryptFailures,
    today: repo.countsSince(s.accountId, since),
    ramp: newNumberRamp(s.linkedAt, now),
  };
}

/** What a session tells the UI: its status (through publishStatus), its QR or pairing code for the shop, alerts. */
function sessionEvents(
  deps: Pick<WhatsAppDeps, 'bus' | 'notifier'>,
  accountId: number,
  shopOf: (accountId: number) => number | undefined,
  publishStatus: (accountId: number, status: AccountStatus, detail: WhatsAppNotice | null) => void,
): SessionDeps['events'] {
  return {
    status: (status, detail) => publishStatus(accountId, status, detail),
    qr: (dataUrl, expiresAt) => {
      const shopId = shopOf(accountId);
      if (shopId !== undefined) deps.bus.emit('wa/qr', { shopId, accountId, dataUrl, expiresAt });
    },
    pairingCode: (code, expiresAt) => {
      const shopId = shopOf(accountId);
      if (shopId !== undefined) deps.bus.emit('wa/pairing-code', { shopId, accountId, code, expiresAt });
    },
    alert: (notice) => deps.notifier.notify(notice),
  };
}

/**
 * Every linked WhatsApp number of this core: one session (one Baileys socket) per account,
 * restored on start; also the pipeline's WhatsApp Channel.
 */
export function makeSessionManager(deps: WhatsAppDeps) {
  const repo = makeWaRepo(deps.sqlite);
  const box = makeCryptoBox(deps.encryptionKey);
  const timers = deps.timers ?? systemTimers;
  let runtime: Runtime | null = null;
  let loading: Promise<Runtime> | null = null;
  let stopped = false;
  /** Loads Baileys once; every call that opens a session awaits this first. */
  const ready = async (): Promise<void> => {
    loading ??= loadRuntime().then((rt) => (runtime = rt));
    await loading;
  };
  const loaded = (): Runtime => {
    if (!runtime) throw new Error('WhatsApp is not loaded yet (await ready() first)');
    return runtime;
  };
  let mediaFetcher: MediaFetcher | null = deps.mediaFetcher ?? null;
  const sessions = new Map<number, Session>();
  const retryCaches = new Map<number, CacheStore>();
  const nowIso = () => deps.clock.now().toISOString();

  /** A card of this shop that never finished linking and is not mid-attempt, if any. */
  function idleUnlinked(shopId: number): number | undefined {
    const busy = new Set(['connecting', 'qr_ready', 'connected']);
    return repo.listForShop(shopId).find((s) => s.linkedAt === null && !busy.has(s.status) && !sessionFor(s.accountId).linked)?.accountId;
  }

  function shopOf(accountId: number): number | undefined {
    return repo.state(accountId)?.shopId;
  }

  /** The pipeline's sink stores the status and pushes `accounts/status`; we keep the detail and times. */
  function publishStatus(accountId: number, status: AccountStatus, detail: WhatsAppNotice | null): void {
    repo.setStatus(accountId, status, encodeWhatsAppNotice(detail), nowIso());
    try {
      deps.sink.accountStatus(accountId, status, detail);
    } catch (err) {
      deps.logger.warn({ accountId, err: String(err) }, 'sink.accountStatus failed');
    }
  }

  function sessionFor(accountId: number): Session {
    const existing = sessions.get(accountId);
    if (existing) return existing;
    let retryCache = retryCaches.get(accountId);
    if (!retryCache) {
      retryCache = makeMemoryCache();
      retryCaches.set(accountId, retryCache);
    }
    const rt = loaded();
    const options: SessionOptions = { ...DEFAULT_SESSION_OPTIONS, ...deps.options };
    const socketFactory: SocketFactory = deps.socketFactory ?? ((config) => rt.makeWASocket(config));
    mediaFetcher ??= rt.baileysMediaFetcher(toBaileysLogger(deps.logger, { component: 'wa-media' }));
    const session = rt.makeSession({
      accountId,
      sqlite: deps.sqlite,
      box,
      repo,
      sink: deps.sink,
      clock: deps.clock,
      logger: deps.logger,
      timers,
      random: deps.random ?? Math.random,
      socketFactory,
      ...(deps.socketConfig ? { socketConfig: deps.socketConfig } : {}),
      retryCache,
      mediaFetcher,
      mediaDir: deps.mediaDir,
      // qrcode (and pngjs) loads when a number is being linked, not at core's start.
      toQrDataUrl: async (qr) => (await import('qrcode')).default.toDataURL(qr, { margin: 1, width: 288, errorCorrectionLevel: 'L' }),
      options,
      events: sessionEvents(deps, accountId, shopOf, publishStatus),
    });
    sessions.set(accountId, session);
    deps.attachChannel?.(accountId, channel);
    return session;
  }

  const channel = makeWhatsAppChannel(sessions, (err) => loaded().toChannelSendError(err));

  return {
    channel,
    repo,
    /** Resolves once Baileys is loaded: the wa/* handlers await it before opening a session. */
    ready,

    /** Reconnects every linked number that was running when the app last stopped (Baileys loads in the background first). */
    startAll(): Promise<number> {
      repo.pruneSent(new Date(deps.clock.now().getTime() - 7 * 86_400_000).toISOString());
      const autostart = new Set(repo.autostartAccounts().map((a) => a.accountId));
      for (const id of repo.runningAccounts()) if (!autostart.has(id)) publishStatus(id, 'disconnected', null);
      if (autostart.size === 0) return Promise.resolve(0);
      return ready().then(
        () => {
          if (!stopped) for (const id of autostart) sessionFor(id).start();
          return autostart.size;
        },
        (err: unknown) => {
          deps.logger.error({ err }, 'WhatsApp could not be loaded');
          return 0;
        },
      );
    },

    /** Starts linking; returns the account id (a new account unless re-linking one that is not linked). */
    linkStart(input: {
      shopId: number;
      method: LinkMethod;
      phone?: string | undefined;
      accountId?: number | undefined;
      label?: string | undefined;
    }): number {
      let accountId = input.accountId;
      if (accountId !== undefined) {
        const state = repo.state(accountId);
        if (!state || state.shopId !== input.shopId) throw new LinkError('not_found', 'No such WhatsApp number in this shop');
        if (sessionFor(accountId).linked)
          throw new LinkError('conflict', 'This number is already linked; reconnect it instead of linking again');
      } else {
        // A failed attempt is retried on its own card: reuse a number of this shop that never linked.
        accountId =
          idleUnlinked(input.shopId) ?? repo.createAccount({ shopId: input.shopId, label: input.label || 'WhatsApp', now: nowIso() });
      }
      sessionFor(accountId).link(input.method, input.phone ? phoneDigits(input.phone) : null);
      return accountId;
    },

    linkCancel(accountId: number): boolean {
      const session = sessions.get(accountId);
      if (!session) return false;
      const linked = session.linked;
      session.stop('disconnected', null);
      if (!linked && repo.deleteIfUnused(accountId)) {
        deps.detachChannel?.(accountId);
        sessions.delete(accountId);
        retryCaches.delete(accountId);
      }
      return true;
    },

    connect(accountId: number): void {
      const session = sessionFor(accountId);
      if (!session.linked) throw new LinkError('conflict', 'This number is not linked; link it with a QR code or pairing code');
      repo.setAutostart(accountId, true);
      session.start();
    },

    disconnect(accountId: number): void {
      repo.setAutostart(accountId, false);
      sessionFor(accountId).stop('disconnected', whatsappNotice('disconnected_by_seller'));
    },

    async remove(accountId: number): Promise<boolean> {
      await sessionFor(accountId).logout();
      repo.markRemoved(accountId, nowIso());
      deps.detachChannel?.(accountId);
      sessions.delete(accountId);
      retryCaches.delete(accountId);
      repo.deleteIfUnused(accountId);
      return true;
    },

    overview(shopId: number): WaAccountView[] {
      const now = deps.clock.now();
      const since = startOfLocalDay(now);
      return repo.listForShop(shopId).map((s) => accountView(repo, s, now, since));
    },

    /** The anti-ban ramp of a number (null when unknown or not linked). */
    rampFor(accountId: number) {
      return newNumberRamp(repo.state(accountId)?.linkedAt ?? null, deps.clock.now());
    },

    session(accountId: number): Session | undefined {
      return sessions.get(accountId);
    },

    /** Closes every socket (app shutdown); linked numbers reconnect on the next start. */
    stopAll(): void {
      stopped = true;
      for (const [accountId, session] of sessions) {
        const wasRunning = repo.state(accountId)?.autostart ?? false;
        session.stop('disconnected', null);
        repo.setAutostart(accountId, wasRunning);
      }
    },
  };
}
export type SessionManager = ReturnType<typeof makeSessionManager>;

/** A refusal the handlers turn into a contract error. */
export class LinkError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'LinkError';
  }
}
