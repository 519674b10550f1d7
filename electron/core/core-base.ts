import type { CoreConfig } from './create-core';
import { cachedSettings } from './brain/index';
import { EventBus } from './events';
import { resolveEncryptionKey } from './host/encryption-key';
import { makeSealedSecretStore } from './host/sealed-secret-store';
import { type OpenDataFolder, openDataFolder } from './open-data-folder';
import { type Clock, type Notifier, type SecretStore, systemClock } from './ports';
import { type CoreServices, makeCoreServices } from './services';
import { makeSettingsRepo } from './settings/settings-repo';
import { makeShopsRepo } from './shops';

/** createCore's first step: what every later step reads. */
export interface CoreBase extends OpenDataFolder {
  /** The config's clock, or the system's. */
  clock: Clock;
  /** The key sealing secrets and WhatsApp creds (the OS keychain's, or the data folder's key file). */
  encryptionKey: Buffer;
  /** Core's event bus. */
  bus: EventBus;
  /** The settings repository (handlers) and its cached reader (the brain, the pipeline, jobs). */
  settingsRepo: ReturnType<typeof makeSettingsRepo>;
  /** A shop's settings, cached until settings/changed. */
  settingsOf: ReturnType<typeof cachedSettings>;
  /** The shops repository. */
  shopsRepo: ReturnType<typeof makeShopsRepo>;
  /** API keys and passwords. */
  secrets: SecretStore;
  /** The host's notifier, each notice also published as system/notice. */
  notifier: Notifier;
  /** Each shared repository and the retriever, built once; handlers, the brain and learning get what they use. */
  services: CoreServices;
}

/** The data folder opened and locked, the key, the bus, the notifier and the shared repositories. */
export async function openCoreBase(config: CoreConfig): Promise<CoreBase> {
  const folder = await openDataFolder(config);
  const { store, logger } = folder;
  const encryptionKey = resolveEncryptionKey({ provided: config.encryptionKey, dataDir: config.dataDir, logger });
  const bus = new EventBus();
  const settingsRepo = makeSettingsRepo(store.db);
  // Every notice also goes out as an event, so a browser tab (which has no desktop notifier) hears it too.
  const hostNotifier: Notifier = config.notifier ?? { notify: (notice) => logger.info({ notice }, 'notification') };
  return {
    ...folder,
    clock: config.clock ?? systemClock,
    encryptionKey,
    bus,
    settingsRepo,
    settingsOf: cachedSettings(settingsRepo, bus),
    shopsRepo: makeShopsRepo(store.db),
    secrets: config.secrets ?? makeSealedSecretStore({ dataDir: config.dataDir, key: encryptionKey, logger }),
    notifier: {
      notify(notice) {
        hostNotifier.notify(notice);
        bus.emit('system/notice', notice);
      },
    },
    services: makeCoreServices(store),
  };
}
