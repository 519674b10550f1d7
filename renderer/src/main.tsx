import { followNoticePrefs } from './app/notices/follow-notice-prefs';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { pickBridge, stripTokenFromAddress } from './api/bridge';
import { createClient } from './api/client';
import { App } from './app/App';
import { createAppServices } from './app/services';
import { ServicesContext } from './app/services-context';
import { startNotices } from './app/notices/notice-glue';
import { pageFromHash } from './features/pages';
import type { NotificationApi } from './app/notices/web-notifier';
import { applyLocaleToDocument } from './i18n/locale';
import { wireEvents } from './stores/wire-events';
import './styles/app.css';
import './styles/responsive.css';
import { startDeviceApp } from './features/device/start-device';

stripTokenFromAddress();
// The same build is the phone's app when opened from the pairing QR (`#pair=…`) or installed (`?device`).
const device = startDeviceApp(window);

function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** In a browser tab the page notifies; in Electron the main process does (with the same desk model). */
function browserNotifications(): NotificationApi | null {
  if (window.souq || typeof window.Notification !== 'function') return null;
  return window.Notification as unknown as NotificationApi;
}
const notificationApi = browserNotifications();

const services = createAppServices({
  client: createClient(device?.bridge ?? pickBridge()),
  device: device?.store ?? null,
  storage: safeLocalStorage(),
  languages: navigator.languages,
  notifications: notificationApi && {
    api: notificationApi,
    away: () => document.visibilityState !== 'visible' || !document.hasFocus(),
    open: (href) => {
      window.focus();
      window.location.hash = href;
    },
  },
});
applyLocaleToDocument(document, services.locale.getState().locale);
services.locale.subscribe((state) => applyLocaleToDocument(document, state.locale));
wireEvents(services);
// The desk model's notices and their preferences belong to the computer; the phone shows its banner instead.
if (!device)
  startNotices({
    client: services.client,
    pushed: services.pushed,
    locale: services.locale,
    toasts: services.noticeToasts,
    web: services.webNotifier,
    prefs: services.noticePrefs,
    onScreen: (target) =>
      target.page === 'inbox' &&
      pageFromHash(window.location.hash) === 'inbox' &&
      services.inbox.getState().selectedId === target.conversationId,
  });
if (!device) followNoticePrefs(services.client, services.pushed, services.noticePrefs);
void services.session.getState().loadShops();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <ServicesContext.Provider value={services}>
      <App />
    </ServicesContext.Provider>
  </StrictMode>,
);
