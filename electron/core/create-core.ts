import type { App } from './app';
import type { CoreContext } from './context';
import type { EventBus } from './events';
import type { Clock, Logger, Notifier, SecretStore } from './ports';
import type { LogCap } from './host/log-files';
import type { Brain } from './brain/types';
import { makeLlmHealth } from './brain/llm/llm-health';
import type { CrashHook } from './pipeline/crash-points';
import type { RetryPolicy } from './pipeline/keyed-scheduler';
import type { PacingPolicy, RateLimitPolicy } from './pipeline/policies';
import { APP_VERSION } from './version';
import type { WhatsAppDeps } from './channels/whatsapp/session-manager';
import { notifySellerOfOrders } from './orders/notify-seller';
import { registerRetentionJob } from './contacts/retention';
import type { Learning } from './learning/create-learning';
import type { MakeTranscriptionClient } from './media/transcribe/index';
import { type MessageSearchIndex, makeMessageSearchIndex } from './store/message-search-index';
import { makeAccountsRepo } from './accounts';
import { makeConversationsRepo } from './conversations';
import type { SyncService } from './sync/index';
import type { CoreServices } from './services';
import { type CoreBase, openCoreBase } from './core-base';
import { makeCoreMedia } from './core-media';
import { makeCoreLearning } from './core-learning';
import { makeCoreBrain, makeCorePipeline, makeCoreStorage } from './core-pipeline';
import { makeCoreChannels } from './core-channels';
import { erasePaths, makeCoreApp, makeCoreSync } from './core-handlers';

export interface CoreConfig {
  /** The seller's data folder: the database, keys, media, backups, logs. Made private (0700) and locked to this core. */
  dataDir: string;
  /** Time for every timestamp, schedule and limit; default the system clock. The CLI's simulation and tests fake it. */
  clock?: Clock;
  /** Core's structured log (pino-shaped); default silent, plus the data folder's file log when `logFile` is set. */
  logger?: Logger;
  /** API keys and passwords; default sealed files in the data folder under `encryptionKey` (host/secrets). */
  secrets?: SecretStore;
  /** Desktop notices for the seller (the shell shows them); default: logged at info level only. */
  notifier?: Notifier;
  /** 32-byte key from the OS keychain (Electron safeStorage, unwrapped in main); absent → a 0600 key file in dataDir. */
  encryptionKey?: Buffer;
  /** The sales brain; the default is chosen by createCore. Tests and benchmarks inject one. */
  brain?: Brain;
  /** Anti-ban limits and humanlike pacing; defaults on. The crash test and benchmarks turn them off. */
  rateLimits?: RateLimitPolicy;
  /** Typing delay before each reply, as one fixed policy for every shop; default each shop's own pacing choice. */
  pacing?: PacingPolicy;
  /** Test-only crash points of the lifecycle (see pipeline/crash-points.ts). */
  crash?: CrashHook;
  /** Backoff of a failing turn before it is parked for the seller; tests shorten it. */
  retry?: RetryPolicy;
  /** How often a write is tried again while the disk is full (default 5 s); tests shorten it. */
  storageRetryMs?: number;
  /** Group commit of accepts (pipeline/accept-batcher.ts); the benchmark compares maxBatch 1 with the default. */
  acceptBatch?: { maxBatch?: number; windowMs?: number };
  /** Catalog image downloads: tests pass a fetch that reaches their 127.0.0.1 server (default: global fetch). */
  media?: { fetch?: typeof fetch };
  /** Held messages journalled in the data folder while the disk is full (default on); a test plants its loss with false. */
  intakeJournal?: boolean;
  /** Bytes kept free for that journal (default 8 MB, released on the first ENOSPC); tests use a small one. */
  intakeReserveBytes?: number;
  /** WhatsApp overrides: tests inject a socket double and timers; the loopback stand-in sets socketConfig. */
  whatsapp?: Pick<Partial<WhatsAppDeps>, 'socketFactory' | 'socketConfig' | 'timers' | 'random' | 'mediaFetcher' | 'options'>;
  /** The simulator's raw send log: where, and whether each append is fsync'd (default true). */
  simulator?: { rawLogPath?: string; fsync?: boolean; receipts?: boolean };
  /** The transcription endpoint's client (tests inject a failing one); default: the openai SDK. */
  transcriptionClient?: MakeTranscriptionClient;
  /** Don't start processing queued work yet (the CLI sets its clock first). */
  paused?: boolean;
  /** Also log into the data folder's rolling, size-capped log (logs/core.N.log): the app and the server do. */
  logFile?: boolean | LogCap;
  /** Multi-device sync's reconnect backoff (tests shorten it). */
  sync?: { minDelayMs?: number; maxDelayMs?: number };
}

export interface Core {
  readonly app: App;
  readonly bus: EventBus;
  readonly ctx: CoreContext;
  /** Tells a second process trying this data folder where this one serves (the server's URL, no token). */
  announce(url: string): void;
  /** Scheduler, follow-ups, bandit, analyzer, profiles (the CLI's simulation drives its jobs). */
  readonly learning: Learning;
  /** Multi-device sync through the relay (off until the seller turns it on). */
  readonly sync: SyncService;
  /** The shared repositories and retriever, built once (the CLI's catalog import writes through them). */
  readonly services: CoreServices;
  close(): Promise<void>;
}

// The database's file name in the data folder (the CLI's backup, export and recovery read it).
export { DATABASE_FILE } from './open-data-folder';

/**
 * The composition root: everything core is, built from injected dependencies. One core per data directory.
 *
 * Construction order (each step reads only what earlier steps built): the data folder, bus and shared repositories
 * (core-base); the full-disk guard, so the background writers built next can report to it; the search index and
 * learning; media, the brain and the pipeline (core-pipeline); the channels feeding its sink; the handlers and sync.
 * The two references back to a later step (the guard's and learning's port to the pipeline) are called only once
 * work runs, after this function has returned.
 */
export async function createCore(config: CoreConfig): Promise<Core> {
  const base = await openCoreBase(config);
  const { store, bus, clock, logger } = base;
  const storage = makeCoreStorage(base, config, {
    storeHeld: (message) => pipeline.storeHeld(message),
    resumeWork: () => pipeline.resumeWork(),
  });
  const searchIndex = makeMessageSearchIndex(store.sqlite, (err) => {
    if (!storage.report(err)) logger.warn({ err }, 'search indexing failed; it is tried again later');
  });
  notifySellerOfOrders({ bus, notifier: base.notifier });
  const learning = makeCoreLearning(base, { searchIndex, reportFault: (err) => storage.report(err), pipelineOf: () => pipeline });
  const llmHealth = makeLlmHealth({ clock, bus });
  const media = makeCoreMedia(base, config);
  const brain = makeCoreBrain(base, { learning, llmHealth, media }, config.brain);
  const pipeline = makeCorePipeline(base, config, { brain, storage, learning, media });
  const channels = makeCoreChannels(base, config, pipeline);
  const ctx = makeCoreContext(base, config, { pipeline, searchIndex, ...channels });
  const app = makeCoreApp(base, ctx, { learning, llmHealth, media }, config);
  const sync = makeCoreSync(base, app, config);
  const missing = app.missing();
  // A test asserts this list is empty; at run time an unimplemented call answers unknown_method.
  if (missing.length) logger.warn({ missing }, 'contract calls without a handler');

  if (!config.paused) {
    // Resume what a previous run left: queued turns, and outbox rows (in-doubt sends reuse their id).
    pipeline.start();
    // Everything periodic (search indexing, WAL checkpoints, follow-ups, analysis) runs on the scheduler.
    learning.start();
    sync.start();
    // Linked WhatsApp numbers reconnect with their stored creds (no re-scan).
    channels.whatsapp.startAll().catch((err: unknown) => logger.error({ err }, 'reconnecting linked numbers failed'));
  }
  // The seller's retention period: a daily pass on the persistent scheduler (a day missed asleep runs once on start).
  registerRetentionJob(learning.scheduler, { sqlite: store.sqlite, ...erasePaths(config), settingsOf: base.settingsOf, logger }, () =>
    clock.now(),
  );

  let closed = false;
  return {
    app,
    bus,
    ctx,
    announce: (url) => base.lock.describe({ url }),
    learning,
    sync,
    services: base.services,
    async close() {
      if (closed) return;
      closed = true;
      sync.close();
      await learning.stop();
      searchIndex.stop();
      channels.whatsapp.stopAll();
      await pipeline.stop();
      await media.catalogImages.stop();
      channels.simulator.close();
      await store.close();
      base.logFile?.close();
      base.lock.release();
    },
  };
}

/** What each domain's handlers get. */
function makeCoreContext(
  base: CoreBase,
  config: CoreConfig,
  parts: Pick<CoreContext, 'pipeline' | 'testPhone' | 'whatsapp'> & { searchIndex: MessageSearchIndex },
): CoreContext {
  const { store } = base;
  return {
    version: APP_VERSION,
    dataDir: config.dataDir,
    startedAt: base.clock.now().toISOString(),
    store,
    repos: {
      shops: base.shopsRepo,
      accounts: makeAccountsRepo(store.db),
      conversations: makeConversationsRepo(store.db, { beforeSearch: () => parts.searchIndex.catchUpAll(), sqlite: store.sqlite }),
      settings: base.settingsRepo,
    },
    bus: base.bus,
    clock: base.clock,
    logger: base.logger,
    secrets: base.secrets,
    notifier: base.notifier,
    pipeline: parts.pipeline,
    testPhone: parts.testPhone,
    whatsapp: parts.whatsapp,
  };
}
