import type { Client } from '../api/client';
import { createInboxStore, type InboxStore } from '../features/inbox/inbox-store';
import { createTestPhoneStore, type TestPhoneStore } from '../features/inbox/testphone-store';
import { type NewOrdersStore, createNewOrdersStore } from '../features/orders/new-orders-store';
import { type OrdersStore, createOrdersStore } from '../features/orders/orders-store';
import { type KeyValueStorage, type LocaleStore, createLocaleStore } from '../i18n/locale';
import { type PushedStore, createPushedStore } from '../stores/pushed-store';
import { type SessionStore, createSessionStore } from '../stores/session-store';
import { type WizardStore, createWizardStore } from '../features/wizard/wizard-store';
import { type NoticePrefsStore, type NoticeToastsStore, createNoticePrefsStore, createNoticeToastsStore } from './notices/notice-toasts';
import { type WebNotifier, makeWebNotifier } from './notices/web-notifier';
import type { NotificationApi } from './notices/web-notifier';
import type { DeviceStore } from '../features/device/device-store';

/** Everything the UI shares: the typed client and the view-state stores built on it. */
export interface AppServices {
  client: Client;
  locale: LocaleStore;
  session: SessionStore;
  /** The latest page events (stores/pushed-store.ts): what pages and their own stores follow instead of the bridge. */
  pushed: PushedStore;
  inbox: InboxStore;
  testPhone: TestPhoneStore;
  orders: OrdersStore;
  /** Orders that arrived since the seller last looked: the nav badge and the toast. */
  newOrders: NewOrdersStore;
  /** The first-run wizard: whether it shows and at which step. */
  wizard: WizardStore;
  /** The desk model's notices as in-app toasts (app/notices/notice-glue.ts feeds them). */
  noticeToasts: NoticeToastsStore;
  /** Per-kind switches and quiet hours for those notices (Settings → desktop writes them). */
  noticePrefs: NoticePrefsStore;
  /** Web Notifications in the browser shell; null in Electron (its main process notifies) or without the API. */
  webNotifier: WebNotifier | null;
  /** The phone's link to the computer when this page is the device app (relay transport); null on the computer. */
  device: DeviceStore | null;
}

export interface AppServicesConfig {
  client: Client;
  storage: KeyValueStorage | null;
  languages: readonly string[];
  /** The browser's notifications, when this shell should use them. */
  notifications?: { api: NotificationApi; away(): boolean; open(href: string): void } | null;
  device?: DeviceStore | null;
}

export function createAppServices({ client, storage, languages, notifications, device }: AppServicesConfig): AppServices {
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
    pushed: createPushedStore(),
    inbox: createInboxStore({ client }),
    testPhone: createTestPhoneStore({ client }),
    orders: createOrdersStore({ client }),
    newOrders: createNewOrdersStore(),
    wizard: createWizardStore({ client }),
    noticeToasts: createNoticeToastsStore(),
    noticePrefs: createNoticePrefsStore(),
    webNotifier: notifications ? makeWebNotifier({ ...notifications, icon: './favicon.svg' }) : null,
    device: device ?? null,
  };
}
