import path from 'node:path';
import { App } from './app';
import { accountsHandlers } from './accounts/app';
import type { CoreContext } from './context';
import { conversationsHandlers } from './conversations/app';
import { EventBus } from './events';
import { type Clock, type Logger, type Notifier, type SecretStore, silentLogger, systemClock } from './ports';
import { settingsHandlers } from './settings/app';
import { shopsHandlers } from './shops/app';
import { openDatabase } from './store/open-database';
import { makeAccountsRepo } from './store/repos/accounts';
import { makeConversationsRepo } from './store/repos/conversations';
import { makeSettingsRepo } from './store/repos/settings';
import { makeShopsRepo } from './store/repos/shops';
import { systemHandlers } from './system/app';
import { makeFileSecretStore } from './host/file-secret-store';
import { APP_VERSION } from './version';

export interface CoreConfig {
  dataDir: string;
  clock?: Clock;
  logger?: Logger;
  secrets?: SecretStore;
  notifier?: Notifier;
  /** 32-byte key from the OS keychain (Electron safeStorage, unwrapped in main); absent → a 0600 key file in dataDir. */
  encryptionKey?: Buffer;
}

export interface Core {
  readonly app: App;
  readonly bus: EventBus;
  readonly ctx: CoreContext;
  close(): Promise<void>;
}

export const DATABASE_FILE = 'souqbot.sqlite';

/** The composition root: everything core is, built from injected dependencies. One core per data directory. */
export async function createCore(config: CoreConfig): Promise<Core> {
  const clock = config.clock ?? systemClock;
  const logger = config.logger ?? silentLogger;
  const store = await openDatabase({ file: path.join(config.dataDir, DATABASE_FILE) });
  const bus = new EventBus();
  const ctx: CoreContext = {
    version: APP_VERSION,
    dataDir: config.dataDir,
    startedAt: clock.now().toISOString(),
    store,
    repos: {
      shops: makeShopsRepo(store.db),
      accounts: makeAccountsRepo(store.db),
      conversations: makeConversationsRepo(store.db),
      settings: makeSettingsRepo(store.db),
    },
    bus,
    clock,
    logger,
    secrets: config.secrets ?? makeFileSecretStore(config.dataDir),
    notifier: config.notifier ?? { notify: (title, body) => logger.info({ title, body }, 'notification') },
  };

  const app = new App(logger);
  for (const handlers of [systemHandlers, shopsHandlers, accountsHandlers, conversationsHandlers, settingsHandlers]) {
    app.register(handlers(ctx));
  }
  const missing = app.missing();
  // A test asserts this list is empty; at run time an unimplemented call answers unknown_method.
  if (missing.length) logger.warn({ missing }, 'contract calls without a handler');

  let closed = false;
  return {
    app,
    bus,
    ctx,
    async close() {
      if (closed) return;
      closed = true;
      await store.close();
    },
  };
}
