import type { TestPhone } from './channels/simulator/test-phone';
import type { EventBus } from './events';
import type { Pipeline } from './pipeline/create-pipeline';
import type { SessionManager } from './channels/whatsapp/session-manager';
import type { Clock, Logger, Notifier, SecretStore } from './ports';
import type { Store } from './database';
import type { AccountsRepo } from './accounts';
import type { ConversationsRepo } from './conversations';
import type { SettingsRepo } from './settings/settings-repo';
import type { ShopsRepo } from './shops';

export interface Repos {
  shops: ShopsRepo;
  accounts: AccountsRepo;
  conversations: ConversationsRepo;
  settings: SettingsRepo;
}

/** What each domain's handlers get: built once by createCore. */
export interface CoreContext {
  readonly version: string;
  readonly dataDir: string;
  readonly startedAt: string;
  readonly store: Store;
  readonly repos: Repos;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly secrets: SecretStore;
  readonly notifier: Notifier;
  readonly pipeline: Pipeline;
  readonly testPhone: TestPhone;
  readonly whatsapp: SessionManager;
}
