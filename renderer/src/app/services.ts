import type { Client } from '../api/client';
import { createInboxStore, type InboxStore } from '../features/inbox/inbox-store';
import { createTestPhoneStore, type TestPhoneStore } from '../features/inbox/testphone-store';
import { type NewOrdersStore, createNewOrdersStore } from '../features/orders/new-orders-store';
import { type OrdersStore, createOrdersStore } from '../features/orders/orders-store';
import { type KeyValueStorage, type LocaleStore, createLocaleStore } from '../i18n/locale';
import { type SessionStore, createSessionStore } from '../stores/session-store';
import { type WizardStore, createWizardStore } from '../features/wizard/wizard-store';

/** Everything the UI shares: the typed client and the view-state stores built on it. */
export interface AppServices {
  client: Client;
  locale: LocaleStore;
  session: SessionStore;
  inbox: InboxStore;
  testPhone: TestPhoneStore;
  orders: OrdersStore;
  /** Orders that arrived since the seller last looked: the nav badge and the toast. */
  newOrders: NewOrdersStore;
  /** The first-run wizard: whether it shows and at which step. */
  wizard: WizardStore;
}

export interface AppServicesConfig {
  client: Client;
  storage: KeyValueStorage | null;
  languages: readonly string[];
}

export function createAppServices({ client, storage, languages }: AppServicesConfig): AppServices {
  return {
    client,
    locale: createLocaleStore({
      storage,
      languages,
      remote: {
        load: async () => (await client.send('system/get-ui-locale', {})).locale,
        save: (locale) => client.send('system/set-ui-locale', { locale }),
      },
    }),
    session: createSessionStore({ client, storage }),
    inbox: createInboxStore({ client }),
    testPhone: createTestPhoneStore({ client }),
    orders: createOrdersStore({ client }),
    newOrders: createNewOrdersStore(),
    wizard: createWizardStore({ client }),
  };
}
