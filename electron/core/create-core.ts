import path from 'node:path';
import { App } from './app';
import { accountsHandlers } from './accounts/app';
import { catalogHandlers } from './catalog/app';
import { knowledgeHandlers } from './knowledge/app';
import type { CoreContext } from './context';
import { conversationsHandlers } from './conversations/app';
import { EventBus } from './events';
import { type Clock, type Logger, type Notifier, type SecretStore, systemClock } from './ports';
import { settingsHandlers } from './settings/app';
import { makeShopCountryReader } from './shops/shop-country';
import { llmSettingsHandlers } from './settings/llm-app';
import { shopsHandlers } from './shops/app';
import { makeMessageSearchIndex } from './store/message-search-index';
import { makeAccountsRepo } from './accounts';
import { makeConversationsRepo } from './conversations';
import { makeSettingsRepo } from './settings/settings-repo';
import { makeShopsRepo } from './shops';
import { systemHandlers } from './system/app';
import { makeSealedSecretStore } from './host/sealed-secret-store';
import type { LogCap } from './host/log-files';
import { openDataFolder } from './open-data-folder';
import type { Brain } from './brain/types';
import {
  apiKeySecretName,
  cachedSettings,
  makeCoreShopBrain,
  orderStatusMessage,
  withCoreProductPhoto,
  withMediaTurns,
} from './brain/index';
import { llmHealthHandlers } from './brain/llm/health-app';
import { makeLlmHealth } from './brain/llm/llm-health';
import { makeSimulatorChannel } from './channels/simulator/simulator-channel';
import { makeTestPhone } from './channels/simulator/test-phone';
import { makeTestPhoneRepo } from './channels/simulator/test-phone-repo';
import { draftsHandlers } from './drafts/app';
import { guardrailsHandlers } from './brain/guardrails/app';
import { messagesHandlers } from './messages/app';
import { quickRepliesHandlers } from './quick-replies/app';
import { testphoneHandlers } from './testphone/app';
import { createPipeline } from './pipeline/create-pipeline';
import { makeIntakeJournal } from './pipeline/intake-journal';
import { newChannelMessageId } from './messages/message-id';
import { parseHeldMessage } from './pipeline/intake-guard';
import type { CrashHook } from './pipeline/crash-points';
import type { RetryPolicy } from './pipeline/keyed-scheduler';
import type { PacingPolicy, RateLimitPolicy } from './pipeline/policies';
import { APP_VERSION } from './version';
import { whatsappHandlers } from './channels/whatsapp/app';
import { makeSessionManager, type WhatsAppDeps } from './channels/whatsapp/session-manager';
import { resolveEncryptionKey } from './host/encryption-key';
import { ordersHandlers } from './orders/app';
import { notifySellerOfOrders } from './orders/notify-seller';
import { makePipelineMessenger } from './orders/pipeline-messenger';
import { contactsHandlers } from './contacts/app';
import { registerRetentionJob } from './contacts/retention';
import { CONTACT_DATA } from './contact-data';
import { type Learning, makeLearning } from './learning/create-learning';
import { makePipelineProactiveOutbox } from './pipeline/proactive-outbox';
import { learningHandlers } from './learning/app';
import { analyticsHandlers } from './analytics/app';
import { makeFollowUpFigures } from './learning/analytics/follow-up-figures';
import { makeCatalogImages, makeCatalogImagesRepo, makeMediaUnderstanding, makeOutgoingMediaResolver } from './media/index';
import { catalogImageHandlers } from './media/app';
import { type MakeTranscriptionClient, makeTranscriptionUsageRepo, makeVoiceTranscriber } from './media/transcribe/index';
import { makeTranscriptRepo } from './pipeline/index';
import { transcriptionKeySecretName } from './settings/app';
import { desktopHandlers } from './desktop/index';
import { listBackups, restoreBackup, runBackup } from './store/backup/backup';
import { makeSyncService, makeSyncStore, syncHandlers, type SyncService } from './sync/index';
import { makeSyncSocket, syncQrDataUrl } from './sync/node-adapters';
import { type CoreServices, makeCoreServices } from './services';
import { makeRampReader } from './channels/whatsapp/ramp';

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

/** The composition root: everything core is, built from injected dependencies. One core per data directory. */
export async function createCore(config: CoreConfig): Promise<Core> {
  const clock = config.clock ?? systemClock;
  const { lock, store, logger, logFile } = await openDataFolder(config);
  const encryptionKey = resolveEncryptionKey({ provided: config.encryptionKey, dataDir: config.dataDir, logger });
  const bus = new EventBus();
  const settingsRepo = makeSettingsRepo(store.db);
  const settingsOf = cachedSettings(settingsRepo, bus);
  const shopsRepo = makeShopsRepo(store.db);
  const secrets = config.secrets ?? makeSealedSecretStore({ dataDir: config.dataDir, key: encryptionKey, logger });
  // Every notice also goes out as an event, so a browser tab (which has no desktop notifier) hears it too.
  const hostNotifier: Notifier = config.notifier ?? { notify: (notice) => logger.info({ notice }, 'notification') };
  const notifier: Notifier = {
    notify(notice) {
      hostNotifier.notify(notice);
      bus.emit('system/notice', notice);
    },
  };
  // Background writes report a full disk to the pipeline's intake guard (bound once it exists).
  let reportFault: (err: unknown) => boolean = () => false;
  const backgroundFailed = (what: string) => (err: unknown) => {
    if (!reportFault(err)) logger.warn({ err }, `${what} failed; it is tried again later`);
  };
  const searchIndex = makeMessageSearchIndex(store.sqlite, backgroundFailed('search indexing'));
  notifySellerOfOrders({ bus, notifier });
  // Each shared repository and the retriever, built once; handlers, the brain and learning are handed what they use.
  const services = makeCoreServices(store);
  const { products, orders, retriever } = services;
  const learning = makeLearning({
    sqlite: store.sqlite,
    shopIds: async () => (await shopsRepo.list()).map((s) => s.id),
    clock,
    logger,
    bus,
    settingsOf,
    retriever,
    knowledge: services.knowledge,
    documents: services.documents,
    spendCap: services.spendCap,
    productBySku: (shopId, sku) => products.getBySku(shopId, sku),
    catalogOf: (shopId) => products.all(shopId),
    apiKeyOf: (shopId) => secrets.get(apiKeySecretName(shopId)),
    countryOf: makeShopCountryReader(store.sqlite),
    outbox: makePipelineProactiveOutbox(() => pipeline),
    searchIndex,
    checkpointIdle: () => store.checkpointIdle(),
    onJobFailure: (err) => void reportFault(err),
  });
  const llmHealth = makeLlmHealth({ clock, bus });
  // Catalog photos in the data folder: fetched after each catalog change, matched against customers' photos.
  const catalogImages = makeCatalogImages({
    repo: makeCatalogImagesRepo(store.sqlite),
    dataDir: config.dataDir,
    products,
    clock,
    logger,
    ...(config.media?.fetch && { fetch: config.media.fetch }),
  });
  bus.on('catalog/changed', ({ shopId }) => {
    catalogImages.syncShop(shopId).catch((err: unknown) => logger.warn({ err, shopId }, 'catalog image sync failed'));
  });
  const understandMedia = makeMediaUnderstanding({
    images: catalogImages,
    logger,
    visionOf: async (shopId) => {
      const { llm } = await settingsOf(shopId);
      if (!llm.baseUrl || !llm.visionModel) return null;
      return { baseUrl: llm.baseUrl, model: llm.visionModel, apiKey: (await secrets.get(apiKeySecretName(shopId))) ?? null };
    },
    ...(config.media?.fetch && { fetch: config.media.fetch }),
  });
  const transcriber = makeVoiceTranscriber({
    transcripts: makeTranscriptRepo(store.sqlite),
    usage: makeTranscriptionUsageRepo(store.sqlite),
    settingsOf,
    apiKeyOf: (shopId) => secrets.get(transcriptionKeySecretName(shopId)),
    mediaDir: path.join(config.dataDir, 'media'),
    clock,
    logger,
    ...(config.transcriptionClient && { makeClient: config.transcriptionClient }),
  });
  // A young number's send ramp is read from its linking date (the WhatsApp accounts table), not from a live session.
  const ramps = makeRampReader({ sqlite: store.sqlite, clock });
  const pipeline = createPipeline({
    rateFactor: (accountId) => ramps.rampFor(accountId)?.rateFactor ?? 1,
    afterStore: () => learning.afterStore(),
    sqlite: store.sqlite,
    // A media-only turn is read here (a recognised product photo becomes words) or acknowledged.
    brain: withMediaTurns(
      config.brain ??
        // The closer's product photo is added last, to the reply that actually goes out.
        withCoreProductPhoto(
          learning.wrapBrain(
            makeCoreShopBrain({
              db: store.db,
              sqlite: store.sqlite,
              settingsOf,
              shops: shopsRepo,
              secrets,
              bus,
              clock,
              logger,
              llmHealth,
              ...services,
            }),
          ),
          { sqlite: store.sqlite, products, canSend: (shopId, url) => catalogImages.localFile(shopId, url) !== null },
        ),
      { understand: understandMedia },
    ),
    settingsOf,
    bus,
    clock,
    logger,
    notifier,
    resolveMedia: makeOutgoingMediaResolver(catalogImages),
    ...(config.rateLimits && { rateLimits: config.rateLimits }),
    ...(config.pacing && { pacing: config.pacing }),
    ...(config.crash && { crash: config.crash }),
    ...(config.retry && { retry: config.retry }),
    ...(config.storageRetryMs !== undefined && { storageRetryMs: config.storageRetryMs }),
    ...(config.acceptBatch && { acceptBatch: config.acceptBatch }),
    ...(config.intakeJournal !== false && {
      intakeJournal: makeIntakeJournal({
        dataDir: config.dataDir,
        logger,
        parse: parseHeldMessage,
        ...(config.intakeReserveBytes !== undefined && { reserveBytes: config.intakeReserveBytes }),
      }),
    }),
    transcribe: async (input) => {
      const heard = await transcriber.transcribe(input);
      // The inbox shows the transcript under the voice note as soon as it exists.
      if (heard) pipeline.emitMessage(input.messageId, 'messages/status');
      return heard;
    },
  });
  const simulator = makeSimulatorChannel({
    rawLogPath: config.simulator?.rawLogPath ?? path.join(config.dataDir, 'simulator', 'raw-send-log.jsonl'),
    clock,
    fsync: config.simulator?.fsync ?? true,
    receipts: config.simulator?.receipts === false ? undefined : { sink: () => pipeline.sink },
  });
  const testPhone = makeTestPhone({
    repo: makeTestPhoneRepo(store.sqlite),
    sink: pipeline.sink,
    attachChannel: (accountId, channel) => pipeline.attachChannel(accountId, channel),
    simulator,
    clock,
  });
  testPhone.attachAll();
  const whatsapp = makeSessionManager({
    sqlite: store.sqlite,
    sink: pipeline.sink,
    clock,
    logger,
    notifier,
    bus,
    encryptionKey,
    mediaDir: path.join(config.dataDir, 'media'),
    attachChannel: (accountId, channel) => pipeline.attachChannel(accountId, channel),
    detachChannel: (accountId) => pipeline.detachChannel(accountId),
    ...config.whatsapp,
  });
  reportFault = (err) => pipeline.storage.report(err);
  const ctx: CoreContext = {
    version: APP_VERSION,
    dataDir: config.dataDir,
    startedAt: clock.now().toISOString(),
    store,
    repos: {
      shops: shopsRepo,
      accounts: makeAccountsRepo(store.db),
      conversations: makeConversationsRepo(store.db, { beforeSearch: () => searchIndex.catchUpAll(), sqlite: store.sqlite }),
      settings: settingsRepo,
    },
    bus,
    clock,
    logger,
    secrets,
    notifier,
    pipeline,
    testPhone,
    whatsapp,
  };

  const app = new App(logger);
  for (const handlers of [
    systemHandlers,
    accountsHandlers,
    conversationsHandlers,
    settingsHandlers,
    draftsHandlers,
    quickRepliesHandlers,
    testphoneHandlers,
    messagesHandlers,
  ]) {
    app.register(handlers(ctx));
  }
  app.register(whatsappHandlers(ctx));
  app.register(shopsHandlers(ctx, { products }));
  app.register(guardrailsHandlers(ctx, { violations: services.violations }));
  app.register(catalogHandlers(ctx, { products, retrieval: retriever }));
  app.register(knowledgeHandlers(ctx, { knowledge: services.knowledge, documents: services.documents, retriever }));
  app.register(catalogImageHandlers(ctx, catalogImages));
  app.register(llmSettingsHandlers(ctx, { spendCap: services.spendCap }));
  app.register(learningHandlers(ctx, learning));
  app.register(llmHealthHandlers(ctx, llmHealth));
  app.register(
    ordersHandlers(ctx, { orders, messenger: makePipelineMessenger(ctx, newChannelMessageId), statusMessage: orderStatusMessage }),
  );
  const erase = {
    domains: CONTACT_DATA,
    mediaDir: path.join(config.dataDir, 'media'),
    rawLogPath: config.simulator?.rawLogPath ?? path.join(config.dataDir, 'simulator', 'raw-send-log.jsonl'),
  };
  app.register(contactsHandlers(ctx, erase));
  app.register(analyticsHandlers(ctx, { followUps: makeFollowUpFigures(store.read), scheduler: learning.scheduler }));
  // The app's own preferences, the daily backup (a scheduler job) and the diagnostics zip.
  app.register(
    desktopHandlers(ctx, {
      key: encryptionKey,
      backup: { run: (opts) => runBackup({ ...opts, sqlite: store.sqlite }), list: listBackups, restore: restoreBackup },
      scheduler: learning.scheduler,
      secretNames: (shopIds) => shopIds.map(apiKeySecretName),
    }),
  );
  // Multi-device sync: a device's commands go through the same dispatch as local calls.
  const sync = makeSyncService({
    store: makeSyncStore(store.sqlite),
    dataDir: config.dataDir,
    dispatch: (name, input) => app.dispatch(name, input),
    bus,
    clock,
    logger,
    WebSocket: makeSyncSocket(),
    toQrDataUrl: syncQrDataUrl,
    ...config.sync,
  });
  app.register(syncHandlers(sync));
  const missing = app.missing();
  // A test asserts this list is empty; at run time an unimplemented call answers unknown_method.
  if (missing.length) logger.warn({ missing }, 'contract calls without a handler');

  // Resume what a previous run left: queued turns, and outbox rows (in-doubt sends reuse their id).
  if (!config.paused) pipeline.start();
  // Everything periodic (search indexing, WAL checkpoints, follow-ups, analysis) runs on the scheduler.
  if (!config.paused) learning.start();
  // Linked WhatsApp numbers reconnect with their stored creds (no re-scan).
  if (!config.paused) sync.start();
  if (!config.paused) whatsapp.startAll().catch((err: unknown) => logger.error({ err }, 'reconnecting linked numbers failed'));
  // The seller's retention period: a daily pass on the persistent scheduler (a day missed asleep runs once on start).
  registerRetentionJob(learning.scheduler, { sqlite: store.sqlite, ...erase, settingsOf, logger }, () => clock.now());

  let closed = false;
  return {
    app,
    bus,
    ctx,
    announce: (url) => lock.describe({ url }),
    learning,
    sync,
    services,
    async close() {
      if (closed) return;
      closed = true;
      sync.close();
      await learning.stop();
      searchIndex.stop();
      whatsapp.stopAll();
      await pipeline.stop();
      await catalogImages.stop();
      simulator.close();
      await store.close();
      logFile?.close();
      lock.release();
    },
  };
}
