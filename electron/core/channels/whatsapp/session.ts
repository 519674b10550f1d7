import { Browsers, type BaileysEventMap, proto, type WAMessage } from '@whiskeysockets/baileys';
import { type WhatsAppNotice, notifierNotice, whatsappNotice } from '../../../../shared/domain/notices';
import type { AccountStatus } from '../../../../shared/domain/schemas';
import type { LinkMethod } from '../../../../shared/domain/whatsapp';
import { makeSqliteAuthState, type SqliteAuthState } from './auth-store';
import { toBaileysLogger } from './baileys-logger';
import { handleUpsert } from './inbound';
import { decideOnClose, disconnectCode, isNetworkError } from './reconnect-policy';
import type { SessionDeps } from './session-config';
import { contactRows, deliveryStatusOf } from './session-updates';
import { socketInboundDeps, wireSocket } from './session-wiring';
import type { WaSocket } from './socket-types';

/** A linking attempt; `shown` once a QR or pairing code reached the seller. */
type Link = { method: LinkMethod; phone: string | null; deadline: number; codeRequested: boolean; shown: boolean };

/**
 * One linked number: its socket, reconnects, watchdog and event wiring. A new socket is made
 * for every (re)connect; events from an older socket are ignored by generation number.
 */
export function makeSession(deps: SessionDeps) {
  const { accountId, repo, logger, timers, options } = deps;
  const blog = toBaileysLogger(logger, { accountId });
  let auth: SqliteAuthState | null = null;
  let sock: WaSocket | null = null;
  let generation = 0;
  let status: AccountStatus = 'disconnected';
  let failures = 0;
  let openedAt: number | null = null;
  let lastActivity = 0;
  let link: Link | null = null;
  let stopped = true;
  let decryptFailures = 0;
  let decryptAlerted = false;
  let retryTimer: unknown = null;
  let watchdogTimer: unknown = null;
  let linkTimer: unknown = null;
  let queue: Promise<void> = Promise.resolve();
  const sellerActivity = new Map<string, number>();
  const now = () => deps.clock.now().getTime();
  const nowIso = () => deps.clock.now().toISOString();

  function setStatus(next: AccountStatus, detail: WhatsAppNotice | null): void {
    status = next;
    deps.events.status(next, detail);
  }

  function clearTimer(handle: unknown): null {
    if (handle !== null) timers.clearTimeout(handle);
    return null;
  }

  function closeSocket(reason: string): void {
    generation += 1; // the old socket's events are ignored from here on
    const old = sock;
    sock = null;
    openedAt = null;
    if (old) {
      Promise.resolve()
        .then(() => old.end(new Error(reason)))
        .catch((err: unknown) => logger.debug({ accountId, err: String(err) }, 'socket end failed'));
    }
  }

  /** A message could not be decrypted: counted, and the seller is told past the threshold. */
  function onDecryptFailure(reason: string): void {
    decryptFailures += 1;
    const total = repo.countDecryptFailure(accountId);
    logger.warn({ accountId, reason, total }, 'WhatsApp message could not be decrypted');
    if (decryptFailures >= options.decryptAlertThreshold && !decryptAlerted) {
      decryptAlerted = true;
      deps.events.alert(notifierNotice('wa_unreadable', { accountId }));
    }
  }
  const inboundDeps = (socket: WaSocket) => socketInboundDeps(deps, socket, { onDecryptFailure, sellerActivity });

  /** Runs inbound work strictly in arrival order, one batch at a time. */
  function enqueue(work: () => Promise<void>): void {
    queue = queue.then(work).catch((err: unknown) => logger.error({ accountId, err: String(err) }, 'inbound batch failed'));
  }

  function getMessage(key: proto.IMessageKey): Promise<proto.IMessage | undefined> {
    const bytes = key.id ? repo.getSent(accountId, key.id) : undefined;
    return Promise.resolve(bytes ? proto.Message.decode(bytes) : undefined);
  }

  function connect(): void {
    if (!auth) auth = makeSqliteAuthState({ sqlite: deps.sqlite, accountId, box: deps.box, now: nowIso });
    const state = auth;
    closeSocket('replaced by a new socket');
    const gen = generation;
    const policy = repo.policy(accountId);
    setStatus('connecting', null);
    const socket = deps.socketFactory({
      auth: state.state,
      logger: blog,
      browser: Browsers.appropriate('Chrome'),
      markOnlineOnConnect: false, // the seller's phone keeps its notifications
      syncFullHistory: false,
      shouldSyncHistoryMessage: () => policy.historySync,
      msgRetryCounterCache: deps.retryCache,
      getMessage,
      ...deps.socketConfig,
    });
    sock = socket;
    lastActivity = now();
    const live = () => gen === generation;
    wireSocket(socket, live, {
      creds: () => state.saveCreds(),
      activity: () => {
        lastActivity = now();
      },
      connection: (update) => onConnectionUpdate(socket, update),
      upsert(messages, type) {
        // A receipt that lands while Baileys buffers events can arrive folded into our own
        // message's upsert instead of messages.update: read its status from there too.
        onMessageUpdates(
          messages
            .filter((m) => m.key.fromMe && m.status !== null && m.status !== undefined)
            .map((m) => ({ key: m.key, update: { status: m.status } })),
        );
        enqueue(() => handleUpsert({ messages, type }, inboundDeps(socket)));
      },
      history(history) {
        saveContacts(history.contacts);
        if (repo.policy(accountId).historySync) {
          enqueue(() => handleUpsert({ messages: history.messages, type: 'append' }, inboundDeps(socket), { historyContext: true }));
        }
      },
      updates: onMessageUpdates,
      contacts: saveContacts,
    });
    armWatchdog();
  }

  function saveContacts(contacts: Parameters<typeof contactRows>[0]): void {
    repo.upsertContacts(accountId, contactRows(contacts));
  }

  function onMessageUpdates(updates: BaileysEventMap['messages.update']): void {
    for (const { key, update } of updates) {
      if (!key.fromMe || !key.id) continue;
      const mapped = deliveryStatusOf(update.status);
      if (mapped) deps.sink.status(accountId, key.id, mapped, mapped === 'failed' ? 'WhatsApp reported the message as failed' : null);
    }
  }

  function onConnectionUpdate(socket: WaSocket, update: BaileysEventMap['connection.update']): void {
    if (update.qr && link) void onQr(socket, update.qr);
    if (update.connection === 'open') onOpen(socket);
    if (update.connection === 'close') onClose(update.lastDisconnect?.error);
  }

  async function onQr(socket: WaSocket, qr: string): Promise<void> {
    if (!link) return;
    const expiresAt = new Date(link.deadline).toISOString();
    if (link.method === 'pairing-code') {
      if (link.codeRequested || !link.phone) return;
      link.codeRequested = true;
      try {
        const code = await socket.requestPairingCode(link.phone);
        link.shown = true;
        setStatus('qr_ready', null);
        deps.events.pairingCode(code, expiresAt);
      } catch (err) {
        logger.warn({ accountId, err: String(err) }, 'pairing code request failed');
        stop('disconnected', whatsappNotice(isNetworkError(err) ? 'no_network' : 'phone_refused'));
      }
      return;
    }
    try {
      const dataUrl = await deps.toQrDataUrl(qr);
      if (!link) return;
      link.shown = true;
      setStatus('qr_ready', null);
      deps.events.qr(dataUrl, expiresAt);
    } catch (err) {
      logger.error({ accountId, err: String(err) }, 'QR rendering failed');
    }
  }

  function onOpen(socket: WaSocket): void {
    openedAt = now();
    lastActivity = openedAt;
    retryTimer = clearTimer(retryTimer);
    if (link) {
      link = null;
      linkTimer = clearTimer(linkTimer);
      repo.setLinkedAt(accountId, nowIso());
    }
    repo.setAutostart(accountId, true);
    const phone = socket.user?.id ? `+${socket.user.id.split(/[:@]/)[0] ?? ''}` : null;
    if (phone && phone !== '+') repo.setPhone(accountId, phone);
    setStatus('connected', null);
  }

  function onClose(error: unknown): void {
    const code = disconnectCode(error);
    if (openedAt !== null && now() - openedAt >= options.stableAfterMs) failures = 0;
    closeSocket('closed');
    if (stopped) return;
    const linkPhase = link ? (link.shown ? 'code_shown' : 'before_code') : 'not_linking';
    const action = decideOnClose({
      code,
      failures,
      linked: auth?.registered ?? false,
      random: deps.random,
      network: isNetworkError(error),
      linkPhase,
    });
    logger.info({ accountId, code, action: action.kind, failures }, 'WhatsApp connection closed');
    if (action.kind === 'restart') {
      connect();
      return;
    }
    if (action.kind === 'stop') {
      if (action.clearCreds) auth?.clear();
      if (action.clearCreds || action.status === 'banned' || action.status === 'error') repo.setAutostart(accountId, false);
      if (action.clearCreds) auth = null;
      stop(action.status, action.detail);
      if (action.alert) deps.events.alert(notifierNotice('wa_needs_attention', { accountId }));
      return;
    }
    failures = action.attempt;
    const seconds = Math.round(action.delayMs / 1000);
    setStatus('connecting', whatsappNotice('retrying', { seconds, attempt: action.attempt }));
    if (action.alert) {
      deps.events.alert(notifierNotice('wa_keeps_disconnecting', { accountId }));
    }
    retryTimer = clearTimer(retryTimer);
    retryTimer = timers.setTimeout(() => {
      retryTimer = null;
      if (!stopped) connect();
    }, action.delayMs);
  }

  function armWatchdog(): void {
    watchdogTimer = clearTimer(watchdogTimer);
    watchdogTimer = timers.setTimeout(() => {
      watchdogTimer = null;
      if (stopped) return;
      if (status === 'connected' && sock && now() - lastActivity > options.watchdogSilenceMs) {
        logger.warn({ accountId, silentMs: now() - lastActivity }, 'WhatsApp socket silent for too long; reconnecting');
        const stale = sock;
        // Ending the socket makes it report a close (connectionLost), which reconnects with backoff.
        const err = Object.assign(new Error('watchdog: no events'), { output: { statusCode: 408 } });
        Promise.resolve(stale.end(err)).catch(() => {});
      }
      armWatchdog();
    }, options.watchdogCheckMs);
  }

  function stop(next: AccountStatus, detail: WhatsAppNotice | null): void {
    stopped = true;
    link = null;
    retryTimer = clearTimer(retryTimer);
    watchdogTimer = clearTimer(watchdogTimer);
    linkTimer = clearTimer(linkTimer);
    closeSocket('stopped');
    setStatus(next, detail);
  }

  return {
    accountId,
    get status() {
      return status;
    },
    /** The open socket, or null while not connected. */
    get socket(): WaSocket | null {
      return status === 'connected' ? sock : null;
    },
    get linked() {
      return (auth ?? makeSqliteAuthState({ sqlite: deps.sqlite, accountId, box: deps.box, now: nowIso })).registered;
    },
    /** Connects with stored creds. */
    start(): void {
      stopped = false;
      failures = 0;
      connect();
    },
    /** Starts linking with fresh creds; the window closes after `linkWindowMs`. */
    link(method: LinkMethod, phone: string | null): void {
      stop('disconnected', null);
      makeSqliteAuthState({ sqlite: deps.sqlite, accountId, box: deps.box, now: nowIso }).clear();
      auth = null;
      stopped = false;
      failures = 0;
      link = { method, phone, deadline: now() + options.linkWindowMs, codeRequested: false, shown: false };
      linkTimer = timers.setTimeout(() => {
        linkTimer = null;
        if (link) stop('disconnected', whatsappNotice(link.shown ? 'link_expired' : 'no_network'));
      }, options.linkWindowMs);
      connect();
    },
    stop,
    /** Logs out on WhatsApp (best effort) and forgets the creds. */
    async logout(): Promise<void> {
      const open = sock;
      stopped = true;
      if (open) await Promise.resolve(open.logout()).catch((err: unknown) => logger.warn({ accountId, err: String(err) }, 'logout failed'));
      stop('logged_out', null);
      makeSqliteAuthState({ sqlite: deps.sqlite, accountId, box: deps.box, now: nowIso }).clear();
      auth = null;
    },
    /** Remembers the content of a sent message so a retry receipt can be answered. */
    rememberSent(message: WAMessage | undefined): void {
      const id = message?.key.id;
      if (!id || !message?.message) return;
      repo.saveSent(accountId, id, message.key.remoteJid ?? '', proto.Message.encode(message.message).finish(), nowIso());
    },
    /** Resolves when queued inbound work is done (tests, orderly shutdown). */
    idle(): Promise<void> {
      return queue;
    },
  };
}
export type Session = ReturnType<typeof makeSession>;
