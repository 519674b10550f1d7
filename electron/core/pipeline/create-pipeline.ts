import type { ShopSettings } from '../../../shared/domain/settings';
import type { Brain } from '../brain';
import type { Channel, ChannelSink } from '../channels';
import type { EventBus } from '../events';
import type { Clock, Logger, Notifier } from '../ports';
import { makeAcceptIntake } from './accept-intake';
import { makeChannelFeedback } from './channel-feedback';
import { type CrashHook, noCrash } from './crash-points';
import type { DispatcherDeps } from './dispatcher';
import type { IntakeGuard } from './intake-guard';
import type { RetryPolicy } from './keyed-scheduler';
import { fixedSendPolicy } from './pacing-presets';
import { makeParkedTurnsRepo } from './parked-turns-repo';
import { makePipelineEvents } from './pipeline-events';
import { makePipelineLifecycle } from './pipeline-lifecycle';
import { type PipelineConnection, makePipelineLookups } from './pipeline-lookups-store';
import { makePipelineStore } from './pipeline-store';
import { type PacingPolicy, type RateLimitPolicy, defaultPacing, defaultRateLimits } from './policies';
import { type NewProactive, makeProactive } from './proactive';
import { makeShopPolicies } from './shop-policies';
import { makeTurnWork } from './turn-work';
import type { WorkerDeps } from './worker';

export interface PipelineDeps {
  /** The writable database: messages, conversations, the inbound queue and the outbox. */
  sqlite: PipelineConnection;
  /**
   * The full-disk guard (pipeline-storage.ts), built before the pipeline so that what core builds earlier can report
   * a full disk to it; its HeldIntake port is this pipeline's storeHeld and resumeWork.
   */
  storage: IntakeGuard;
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
  /** A product photo's address → what is sent (media/outgoing.ts). */
  resolveMedia?: DispatcherDeps['resolveMedia'];
  /** Voice notes to text before the brain reads them (media/transcribe); absent = acknowledgement only. */
  transcribe?: WorkerDeps['transcribe'];
  /** Group commit of accepts: most messages per transaction, and how long a batch stays open (0 = this event-loop turn). */
  acceptBatch?: { maxBatch?: number; windowMs?: number };
}

/**
 * The message lifecycle, channel-agnostic: channels feed it through the ChannelSink it
 * implements; it answers through whichever channel serves the conversation's account.
 *
 * Construction order: the repositories and the events over them; the dispatcher then the worker (turn-work.ts);
 * proactive messages and the intake, which wake them. Nothing runs until `start` or a stored message.
 */
export function createPipeline(deps: PipelineDeps) {
  const { sqlite, bus, clock, logger, storage } = deps;
  const store = makePipelineStore(sqlite);
  const lookups = makePipelineLookups(sqlite);
  const policies = makeShopPolicies(sqlite, bus, fixedPolicyOf(deps));
  const crash = deps.crash ?? noCrash;
  const channels = new Map<number, Channel>();
  const events = makePipelineEvents(bus, store, lookups);
  const parked = makeParkedTurnsRepo(sqlite);
  const shared = { bus, logger, notifier: deps.notifier, events, sqlite, store, policies, crash, channels, parked, storage };
  const { worker, dispatcher } = makeTurnWork(deps, shared);
  const proactive = makeProactive({ sqlite, store, clock, markOutbound: (id) => dispatcher.mark(id), ...events });
  // The lifecycle's stopped flag is read by the sink only once messages arrive, after createPipeline returned.
  const intake = makeAcceptIntake({
    store,
    storage,
    clock,
    logger,
    crash,
    stopped: () => lifecycle.stopped(),
    accepted(result) {
      deps.afterStore?.();
      events.emitMessage(result.messageId, 'messages/new', result.row);
      events.emitConversation(result.conversationId);
      worker.mark(result.conversationId);
    },
    ...(deps.acceptBatch && { acceptBatch: deps.acceptBatch }),
  });
  const lifecycle = makePipelineLifecycle({ storage, batcher: intake.batcher, store, worker, dispatcher });
  const feedback = makeChannelFeedback({ ...shared, lookups, stopped: lifecycle.stopped, resumeSends: () => dispatcher.resume() });
  const sink: ChannelSink = { ...intake.sink, ...feedback };

  return {
    sink,
    store,
    /** Disk full or not: the status bar and notifier follow it; timers report their write failures here. */
    storage,
    /** The guard's HeldIntake port: a held message stored once space returns, then the work it paused. */
    storeHeld: intake.storeHeld,
    resumeWork: lifecycle.resumeWork,
    /** A channel starts serving an account (sending); replaces any previous one. */
    attachChannel(accountId: number, channel: Channel) {
      channels.set(accountId, channel);
      dispatcher.resume();
    },
    detachChannel(accountId: number) {
      channels.delete(accountId);
    },
    start: lifecycle.start,
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
    emitMessage: events.emitMessage,
    emitConversation: events.emitConversation,
    drain: lifecycle.drain,
    /** Group-commit figures: batches, messages, batches written again one by one. */
    acceptStats: () => intake.batcher.stats(),
    stop: lifecycle.stop,
  };
}
export type Pipeline = ReturnType<typeof createPipeline>;

/** One fixed limit and pacing for every shop when the caller sets either (tests, benchmarks); else each shop's own. */
const fixedPolicyOf = (deps: Pick<PipelineDeps, 'rateLimits' | 'pacing'>) =>
  deps.rateLimits || deps.pacing ? fixedSendPolicy(deps.rateLimits ?? defaultRateLimits, deps.pacing ?? defaultPacing) : null;
