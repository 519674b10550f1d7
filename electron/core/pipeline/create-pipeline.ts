import type { AccountStatus } from '../../../shared/domain/schemas';
import type { ShopSettings } from '../../../shared/domain/settings';
import type { Brain } from '../brain';
import type { AcceptAck, Channel, ChannelSink, DeliveryStatus, NormalizedInbound, OwnMessageEcho } from '../channels';
import type { EventBus } from '../events';
import type { Clock, Logger, Notifier } from '../ports';
import { prepareAccountWrites } from '../accounts';
import { toConversation, toMessage } from '../conversations';
import { type CrashHook, noCrash } from './crash-points';
import { type DispatchOutcome, type DispatcherDeps, makeDispatcher } from './dispatcher';
import { type AcceptResult, type PipelineStore, makePipelineStore } from './pipeline-store';
import { makeAcceptBatcher } from './accept-batcher';
import { makeEndpointGates } from './endpoint-limits';
import { makeUnreadInbound } from './read-receipts-store';
import { type NewProactive, makeProactive } from './proactive';
import { fixedSendPolicy } from './pacing-presets';
import { AccountSendLimiter, type PacingPolicy, type RateLimitPolicy, defaultPacing, defaultRateLimits } from './policies';
import { makeShopPolicies } from './shop-policies';
import { type TurnOutcome, type WorkerDeps, makeWorker } from './worker';
import { type WhatsAppNotice, decodeEscalations, notifierNotice } from '../../../shared/domain/notices';
import type { RetryPolicy } from './keyed-scheduler';
import { PARKED_REASON, makeParkedTurns } from './parked-turns';
import { IntakePausedError, isDiskFault, makeIntakeGuard } from './intake-guard';
import type { IntakeJournal } from './intake-journal';
import { type WritableSqlite, makeDiskProbe } from '../store';

export interface PipelineDeps {
  /** The writable database: messages, conversations, the inbound queue and the outbox. */
  sqlite: WritableSqlite;
  /** Answers each turn (offline or LLM brain, chosen per shop). */
  brain: Brain;
  /** A shop's settings (bot switches, approval mode, pacing choice); read for every turn. */
  settingsOf(shopId: number): Promise<ShopSettings>;
  /** Core's event bus: messages/*, conversations/* and accounts/status for the UI. */
  bus: EventBus;
  /** Time for every stored timestamp, debounce, limit and backoff. */
  clock: Clock;
  /** Core's logger. */
  logger: Logger;
  /** Desktop notices: escalations, failed sends, a full disk. */
  notifier: Notifier;
  /** Fixed limits and pacing for every shop (tests, benchmarks); without them each shop's pacing choice applies. */
  rateLimits?: RateLimitPolicy;
  /** Fixed typing delay for every shop (tests, benchmarks); without it each shop's pacing choice applies. */
  pacing?: PacingPolicy;
  /** Test-only crash points of the lifecycle (pipeline/crash-points.ts); default none. */
  crash?: CrashHook;
  /** Turns worked on at once across conversations; each also waits for its LLM endpoint's own limit. */
  concurrency?: number;
  /** Waits a typing delay (ms); default a real timer, tests resolve at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Per-account slow-down in (0, 1] (a newly linked WhatsApp number's first days). */
  rateFactor?: (accountId: number) => number;
  /** Called after messages were stored (the search index catches up in the background). */
  afterStore?: () => void;
  /** Backoff of a failing turn before it is parked for the seller (tests shorten it). */
  retry?: RetryPolicy;
  /** How often a write is tried again while the disk is full (default 5 s). */
  storageRetryMs?: number;
  /** A product photo's address → what is sent (media/outgoing.ts). */
  resolveMedia?: DispatcherDeps['resolveMedia'];
  /** Durable holding of messages the store refused (disk full); core passes the data folder's. */
  intakeJournal?: IntakeJournal<NormalizedInbound>;
  /** Voice notes to text before the brain reads them (media/transcribe); absent = acknowledgement only. */
  transcribe?: WorkerDeps['transcribe'];
  /** Group commit of accepts: most messages per transaction, and how long a batch stays open (0 = this event-loop turn). */
  acceptBatch?: { maxBatch?: number; windowMs?: number };
}

const STATUS_RANK: Record<string, number> = { queued: 0, sending: 1, failed: 1, sent: 2, delivered: 3, read: 4 };

/**
 * The message lifecycle, channel-agnostic: channels feed it through the ChannelSink it
 * implements; it answers through whichever channel serves the conversation's account.
 */
export function createPipeline(deps: PipelineDeps) {
  const { sqlite, bus, clock, logger } = deps;
  const store: PipelineStore = makePipelineStore(sqlite);
  const fixed = deps.rateLimits || deps.pacing ? fixedSendPolicy(deps.rateLimits ?? defaultRateLimits, deps.pacing ?? defaultPacing) : null;
  const policies = makeShopPolicies(sqlite, bus, fixed);
  const crash = deps.crash ?? noCrash;
  const channels = new Map<number, Channel>();
  const accountKind = sqlite.prepare<[number], { channel: string; shop_id: number }>('SELECT channel, shop_id FROM accounts WHERE id = ?');
  const conversationRow = sqlite.prepare<[number], Parameters<typeof toConversation>[0]>(
    `SELECT c.id, c.shop_id, c.account_id, c.contact_id, c.status, c.takeover, c.unread, c.last_message_at, c.last_preview,
            c.escalation_reason, k.jid, k.name FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?`,
  );
  const accounts = prepareAccountWrites(sqlite);

  const emitMessage = (id: number, name: 'messages/new' | 'messages/status' = 'messages/new') => {
    if (!bus.hasListeners(name)) return;
    const row = store.message(id);
    if (row) bus.emit(name, toMessage(row));
  };
  const emitConversation = (id: number) => {
    if (!bus.hasListeners('conversations/updated')) return;
    const row = conversationRow.get(id);
    if (row) bus.emit('conversations/updated', toConversation(row));
  };

  const parked = makeParkedTurns(sqlite);
  /** A turn that kept failing: set aside, and the seller told (inbox banner, notification). */
  const park = (conversationId: number, err: unknown, failures: number): boolean => {
    // A full disk is not the turn's fault: it runs again once there is space.
    if (isDiskFault(err)) return false;
    const message = err instanceof Error ? err.message : String(err);
    const result = parked.park(conversationId, message);
    if (!result) return true;
    logger.error({ conversationId, failures, parked: result.parked, err: message }, 'turn parked after repeated failures');
    emitConversation(conversationId);
    bus.emit('conversations/escalated', {
      shopId: result.shopId,
      conversationId,
      reason: PARKED_REASON,
      notices: [{ code: 'turn_parked', params: {} }],
    });
    deps.notifier.notify(notifierNotice('turn_parked', { conversationId }));
    return true;
  };

  const worker = makeWorker({
    park,
    onError: (err) => void storage.report(err),
    ...(deps.retry && { retry: deps.retry }),
    ...(deps.transcribe && { transcribe: deps.transcribe }),
    store,
    brain: deps.brain,
    settingsOf: deps.settingsOf,
    clock,
    logger,
    policyOf: policies.policyOf,
    gates: makeEndpointGates(),
    crash,
    concurrency: deps.concurrency ?? 256,
    onTurn(outcome: TurnOutcome) {
      if (outcome.outboundMessageId !== null) {
        emitMessage(outcome.outboundMessageId);
        deps.afterStore?.();
      }
      emitConversation(outcome.conversationId);
      const about = { conversationId: outcome.conversationId };
      if (outcome.route === 'notify_seller') deps.notifier.notify(notifierNotice('takeover_message', about));
      if (outcome.draft) deps.notifier.notify(notifierNotice('draft_waiting', about));
      if (outcome.escalation) {
        bus.emit('conversations/escalated', {
          shopId: outcome.shopId,
          conversationId: outcome.conversationId,
          reason: outcome.escalation,
          notices: decodeEscalations(outcome.escalation),
        });
        // The reason is a code the app's window words in the seller's language; the desktop note only points there.
        deps.notifier.notify(notifierNotice('escalated', about));
      }
      if (outcome.outboundMessageId !== null && !outcome.draft) dispatcher.mark(outcome.conversationId);
    },
  });

  const dispatcher = makeDispatcher({
    store,
    ...(deps.resolveMedia && { resolveMedia: deps.resolveMedia }),
    unreadBefore: makeUnreadInbound(sqlite),
    channelFor: (accountId) => channels.get(accountId) ?? null,
    clock,
    logger,
    limiters: {
      reply: new AccountSendLimiter((accountId) => policies.policyOfAccount(accountId).reply),
      proactive: new AccountSendLimiter((accountId) => policies.policyOfAccount(accountId).proactive, Math.random, deps.rateFactor),
    },
    policyOf: policies.policyOf,
    crash,
    // Sends mostly wait (typing, the channel): many conversations at once, the account limiters keep the pace.
    concurrency: deps.concurrency ?? 256,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    onDispatch(outcome: DispatchOutcome) {
      emitMessage(outcome.messageId, 'messages/status');
      if (outcome.status === 'failed') {
        deps.notifier.notify(notifierNotice('send_failed', { conversationId: outcome.conversationId }));
        logger.warn({ messageId: outcome.messageId, error: outcome.error }, 'message failed');
      }
    },
  });

  /** The shop's setting, read synchronously (echoes are handled inside the channel's event). */
  const phoneTakeoverMinutes = (shopId: number): number => policies.settingsOf(shopId).bot.phoneTakeoverMinutes;
  const proactive = makeProactive({
    sqlite,
    store,
    clock,
    markOutbound: (id) => dispatcher.mark(id),
    emitMessage: (id) => emitMessage(id),
    emitConversation: (id) => emitConversation(id),
  });

  let stopped = false;
  /** What follows one stored message's commit: the crash point, the search index, events, its turn. */
  const afterAccept = (result: AcceptResult): AcceptAck => {
    if (!result.duplicate) {
      crash('after-accept');
      deps.afterStore?.();
      emitMessage(result.messageId);
      emitConversation(result.conversationId);
      worker.mark(result.conversationId);
    }
    return { messageId: result.messageId, duplicate: result.duplicate };
  };
  /** Stores one inbound message and starts its turn (one transaction; see pipeline-store accept). */
  const acceptNow = (message: NormalizedInbound): AcceptAck => afterAccept(store.accept(message, clock.now().toISOString()));
  let refusing = false;
  const batcher = makeAcceptBatcher<NormalizedInbound, AcceptResult>({
    transaction: (writes) => store.batch([writes]),
    inTransaction: store.inTransaction,
    write(message) {
      // The disk refused an earlier message (of this batch, or before): this one waits behind it.
      if (storage.paused || refusing) {
        refusing = !storage.paused;
        throw new HoldInOrder();
      }
      try {
        return store.accept(message, clock.now().toISOString());
      } catch (err) {
        // Until the refusal has paused intake (its promise settles after the flush), later messages are held too.
        if (isDiskFault(err)) refusing = true;
        throw err;
      }
    },
    beforeCommit: () => crash('before-accept-commit'),
    committed: (_message, result) => void afterAccept(result),
    onCommittedError: (err) => logger.error({ err }, 'after storing a message'),
    ...deps.acceptBatch,
  });
  const storage = makeIntakeGuard({
    clock,
    logger,
    notifier: deps.notifier,
    onChange: (state) => bus.emit('system/storage', state),
    store: (message) => void acceptNow(message),
    probe: makeDiskProbe(sqlite),
    resumeWork: () => {
      worker.resume();
      dispatcher.resume();
    },
    ...(deps.storageRetryMs !== undefined && { retryMs: deps.storageRetryMs }),
    ...(deps.intakeJournal && { journal: deps.intakeJournal }),
  });
  const sink: ChannelSink = {
    accept(message: NormalizedInbound): Promise<AcceptAck> {
      if (stopped) return Promise.reject(new Error('Souqbot is shutting down'));
      if (storage.paused) {
        storage.hold(message, null);
        return Promise.reject(new IntakePausedError());
      }
      return batcher.accept(message).then(
        (result) => ({ messageId: result.messageId, duplicate: result.duplicate }),
        (err: unknown) => {
          if (!(err instanceof HoldInOrder) && !isDiskFault(err)) throw err;
          // Not stored, so not acknowledged as stored: held (journalled) and stored when space returns.
          storage.hold(message, err instanceof HoldInOrder ? null : err);
          throw new IntakePausedError();
        },
      );
    },
    acceptNow(message: NormalizedInbound): AcceptAck {
      // After shutdown nothing is acknowledged, so the sender's own retry delivers it again later.
      if (stopped) throw new Error('Souqbot is shutting down');
      // Paused: keep arrival order, the held messages go first.
      if (storage.paused) {
        storage.hold(message, null);
        throw new IntakePausedError();
      }
      try {
        return acceptNow(message);
      } catch (err) {
        if (!isDiskFault(err)) throw err;
        // Not stored, so not acknowledged as stored: held in memory and stored when space returns.
        storage.hold(message, err);
        throw new IntakePausedError();
      }
    },
    ownEcho(echo: OwnMessageEcho) {
      if (stopped) return;
      const ours = store.outboundByChannelId(echo.accountId, echo.channelMessageId);
      if (ours) return; // our own send coming back: already recorded
      // The seller answered from the phone: store it and let the seller keep the conversation.
      const account = accountKind.get(echo.accountId);
      if (!account) return;
      const { conversationId } = store.resolveConversation(account.shop_id, echo.accountId, echo.to, null, echo.at, echo.text, false);
      const id = store.insertMessage({
        shop_id: account.shop_id,
        account_id: echo.accountId,
        conversation_id: conversationId,
        direction: 'out',
        author: 'seller',
        kind: 'text',
        text: echo.text,
        status: 'sent',
        channel_message_id: echo.channelMessageId,
        meta: JSON.stringify({ fromPhone: true }),
        created_at: echo.at,
      });
      const minutes = phoneTakeoverMinutes(account.shop_id);
      store.setTakeover(conversationId, true, minutes > 0 ? new Date(Date.parse(echo.at) + minutes * 60_000).toISOString() : null);
      emitMessage(id);
      emitConversation(conversationId);
    },
    status(accountId: number, channelMessageId: string, status: DeliveryStatus, error?: string | null) {
      if (stopped) return;
      const row = store.outboundByChannelId(accountId, channelMessageId);
      if (!row) return;
      // Receipts arrive out of order; never move backwards (read stays read).
      if ((STATUS_RANK[status] ?? 0) <= (STATUS_RANK[row.status] ?? 0) && status !== 'failed') return;
      store.setMessageStatus(row.id, status);
      if (error) logger.warn({ channelMessageId, error }, 'channel reported a failure');
      emitMessage(row.id, 'messages/status');
    },
    accountStatus(accountId: number, status: AccountStatus, detail: WhatsAppNotice | null) {
      if (stopped) return;
      accounts.setStatus(accountId, status);
      const account = accountKind.get(accountId);
      if (account) bus.emit('accounts/status', { shopId: account.shop_id, accountId, status, detail });
      if (status === 'connected') dispatcher.resume();
    },
  };

  return {
    sink,
    store,
    /** Disk full or not: the status bar and notifier follow it; timers report their write failures here. */
    storage,
    /** A channel starts serving an account (sending); replaces any previous one. */
    attachChannel(accountId: number, channel: Channel) {
      channels.set(accountId, channel);
      dispatcher.resume();
    },
    detachChannel(accountId: number) {
      channels.delete(accountId);
    },
    /** Resume whatever a previous run left: queued turns and outbox rows (in-doubt sends reuse their id). */
    start() {
      // Messages a killed run held (disk full) go in before anything new arrives.
      storage.restore();
      worker.resume();
      dispatcher.resume();
    },
    /** The seller gave a conversation back to the bot: its parked turns get another round of tries. */
    retryParked(conversationId: number): number {
      const moved = parked.unpark(conversationId);
      if (moved > 0) worker.mark(conversationId);
      return moved;
    },
    /**
     * The bot writes first (a follow-up, later a broadcast): stored and queued as `proactive`, so
     * it keeps the strict send budget and the new-number ramp whatever the shop's pacing choice.
     */
    enqueueProactive: (message: NewProactive) => proactive.enqueue(message),
    /** A conversation has new outbound rows (seller reply, approved draft). */
    markOutbound: (conversationId: number) => dispatcher.mark(conversationId),
    emitMessage,
    emitConversation,
    /** Waits until nothing is ready to process or send (deferred retries may remain). */
    async drain() {
      batcher.flush();
      // Stops when a round makes no progress, so work deferred by debounce or backoff
      // cannot make it spin.
      const backlog = () => {
        const { pending, queued } = store.backlog();
        return `${pending}/${queued}`;
      };
      let before = backlog();
      for (;;) {
        await worker.idle();
        await dispatcher.idle();
        const after = backlog();
        if (after === before || after === '0/0') return;
        before = after;
      }
    },
    /** Group-commit figures: batches, messages, batches written again one by one. */
    acceptStats: () => batcher.stats(),
    async stop() {
      // Accepted before the stop: committed (and so acknowledged) rather than dropped.
      batcher.flush();
      stopped = true;
      storage.stop();
      await worker.stop();
      await dispatcher.stop();
    },
  };
}
export type Pipeline = ReturnType<typeof createPipeline>;

/** A message of a batch that must wait behind messages held while the disk was full. */
class HoldInOrder extends Error {}
