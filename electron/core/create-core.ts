import path from 'node:path';
import { App } from './app';
import { accountsHandlers } from './accounts/app';
import { catalogHandlers } from './catalog/app';
import { knowledgeHandlers } from './knowledge/app';
import type { CoreContext } from './context';
import { conversationsHandlers } from './conversations/app';
import { EventBus } from './events';
import { type Clock, type Logger, type Notifier, type SecretStore, silentLogger, systemClock } from './ports';
import { settingsHandlers } from './settings/app';
import { llmSettingsHandlers } from './settings/llm-app';
import { shopsHandlers } from './shops/app';
import { openDatabase } from './store/open-database';
import { makeMessageSearchIndex } from './store/message-search-index';
import { makeAccountsRepo } from './store/repos/accounts';
import { makeConversationsRepo } from './store/repos/conversations';
import { type SettingsRepo, makeSettingsRepo } from './store/repos/settings';
import type { ShopSettings } from '../../shared/domain/settings';
import { makeShopsRepo } from './store/repos/shops';
import { systemHandlers } from './system/app';
import { makeFileSecretStore } from './host/file-secret-store';
import type { Brain } from './brain/types';
import { makeCoreShopBrain } from './brain/index';
import { llmHealthHandlers } from './brain/llm/health-app';
import { makeLlmHealth } from './brain/llm/llm-health';
import { makeSimulatorChannel } from './channels/simulator/simulator-channel';
import { makeTestPhone } from './channels/simulator/test-phone';
import { inboxHandlers } from './inbox/app';
import { createPipeline } from './pipeline/create-pipeline';
import type { CrashHook } from './pipeline/crash-points';
import type { PacingPolicy, RateLimitPolicy } from './pipeline/policies';
import { APP_VERSION } from './version';
import { whatsappHandlers } from './channels/whatsapp/app';
import { makeSessionManager, type WhatsAppDeps } from './channels/whatsapp/session-manager';
import { resolveEncryptionKey } from './host/encryption-key';
import { ordersHandlers } from './orders/app';
import { makeOrdersRepo } from './orders/repo';
import { makePipelineMessenger } from './orders/pipeline-messenger';

export interface CoreConfig {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  secrets?: SecretStore;
  notifier?: Notifier;
  /** 32-byte key from the OS keychain (Electron safeStorage, unwrapped in main); absent → a 0600 key file in dataDir. */
  encryptionKey?: Buffer;
  /** The sales brain; the default is chosen by createCore. Tests and benchmarks inject one. */
  brain?: Brain;
  /** Anti-ban limits and humanlike pacing; defaults on. The crash test and benchmarks turn them off. */
  rateLimits?: RateLimitPolicy;
  pacing?: PacingPolicy;
  /** Test-only crash points of the lifecycle (see pipeline/crash-points.ts). */
  crash?: CrashHook;
  /** WhatsApp overrides: tests inject a socket double and timers; the loopback stand-in sets socketConfig. */
  whatsapp?: Pick<Partial<WhatsAppDeps>, 'socketFactory' | 'socketConfig' | 'timers' | 'random' | 'mediaFetcher' | 'options'>;
  /** The simulator's raw send log: where, and whether each append is fsync'd (default true). */
  simulator?: { rawLogPath?: string; fsync?: boolean; receipts?: boolean };
  /** Don't start processing queued work yet (the CLI sets its clock first). */
  paused?: boolean;
}

export interface Core {
  readonly app: App;
  readonly bus: EventBus;
  readonly ctx: CoreContext;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'souqbot.sqlite';

/** Settings read once per shop, dropped when they change: the worker asks on every turn. */
function cachedSettings(repo: SettingsRepo, bus: EventBus) {
  const cache = new Map<number, Promise<ShopSettings>>();
  bus.on('settings/changed', ({ shopId }) => cache.delete(shopId));
  return (shopId: number): Promise<ShopSettings> => {
    let hit = cache.get(shopId);
    if (!hit) {
      hit = repo.get(shopId);
      cache.set(shopId, hit);
    }
    return hit;
  };
}

/** The composition root: everything core is, built from injected dependencies. One core per data directory. */
export async function createCore(config: CoreConfig): Promise<Core> {
  const clock = config.clock ?? systemClock;
  const logger = config.logger ?? silentLogger;
  const store = await openDatabase({ file: path.join(config.dataDir, DATABASE_FILE) });
  const bus = new EventBus();
  const settingsRepo = makeSettingsRepo(store.db);
  const settingsOf = cachedSettings(settingsRepo, bus);
  const shopsRepo = makeShopsRepo(store.db);
  const secrets = config.secrets ?? makeFileSecretStore(config.dataDir);
  const notifier: Notifier = config.notifier ?? { notify: (title, body) => logger.info({ title, body }, 'notification') };
  const searchIndex = makeMessageSearchIndex(store.sqlite);
  const llmHealth = makeLlmHealth({ clock, bus });
  // Bound below, once the WhatsApp manager exists (it needs the pipeline's sink).
  let rampOf: (accountId: number) => number = () => 1;
  const pipeline = createPipeline({
    rateFactor: (accountId) => rampOf(accountId),
    afterStore: () => searchIndex.schedule(),
    sqlite: store.sqlite,
    brain:
      config.brain ??
      makeCoreShopBrain({ db: store.db, sqlite: store.sqlite, settingsOf, shops: shopsRepo, secrets, bus, clock, logger, llmHealth }),
    settingsOf,
    bus,
    clock,
    logger,
    notifier,
    ...(config.rateLimits && { rateLimits: config.rateLimits }),
    ...(config.pacing && { pacing: config.pacing }),
    ...(config.crash && { crash: config.crash }),
  });
  const simulator = makeSimulatorChannel({
    rawLogPath: config.simulator?.rawLogPath ?? path.join(config.dataDir, 'simulator', 'raw-send-log.jsonl'),
    clock,
    fsync: config.simulator?.fsync ?? true,
    receipts: config.simulator?.receipts === false ? undefined : { sink: () => pipeline.sink },
  });
  const testPhone = makeTestPhone({ sqlite: store.sqlite, pipeline, simulator, clock });
  testPhone.attachAll();
  const whatsapp = makeSessionManager({
    sqlite: store.sqlite,
    sink: pipeline.sink,
    clock,
    logger,
    notifier,
    bus,
    encryptionKey: resolveEncryptionKey({ provided: config.encryptionKey, dataDir: config.dataDir, logger }),
    mediaDir: path.join(config.dataDir, 'media'),
    attachChannel: (accountId, channel) => pipeline.attachChannel(accountId, channel),
    detachChannel: (accountId) => pipeline.detachChannel(accountId),
    ...config.whatsapp,
  });
  rampOf = (accountId) => whatsapp.rampFor(accountId)?.rateFactor ?? 1;
  const ctx: CoreContext = {
    version: APP_VERSION,
    dataDir: config.dataDir,
    startedAt: clock.now().toISOString(),
    store,
    repos: {
      shops: shopsRepo,
      accounts: makeAccountsRepo(store.db),
      conversations: makeConversationsRepo(store.db, { beforeSearch: () => searchIndex.catchUpAll() }),
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
  for (const handlers of [systemHandlers, shopsHandlers, accountsHandlers, conversationsHandlers, settingsHandlers, inboxHandlers]) {
    app.register(handlers(ctx));
  }
  app.register(whatsappHandlers(ctx));
  app.register(catalogHandlers(ctx));
  app.register(knowledgeHandlers(ctx));
  app.register(llmSettingsHandlers(ctx));
  app.register(llmHealthHandlers(ctx, llmHealth));
  app.register(ordersHandlers(ctx, { orders: makeOrdersRepo(store.db), messenger: makePipelineMessenger(ctx) }));
  const missing = app.missing();
  // A test asserts this list is empty; at run time an unimplemented call answers unknown_method.
  if (missing.length) logger.warn({ missing }, 'contract calls without a handler');

  // Resume what a previous run left: queued turns, and outbox rows (in-doubt sends reuse their id).
  if (!config.paused) pipeline.start();
  // Keep the WAL short while the app runs, off the hot path.
  const checkpoints = setInterval(() => store.checkpointIdle(), 60_000);
  checkpoints.unref();
  // Linked WhatsApp numbers reconnect with their stored creds (no re-scan).
  if (!config.paused) whatsapp.startAll();

  let closed = false;
  return {
    app,
    bus,
    ctx,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(checkpoints);
      searchIndex.stop();
      whatsapp.stopAll();
      await pipeline.stop();
      simulator.close();
      await store.close();
    },
  };
}
