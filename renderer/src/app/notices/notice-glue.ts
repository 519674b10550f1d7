import type { EventMessage } from '../../../../shared/contract/events';
import { type Notice, type NoticePrefs, type NoticeTarget, makeDeskModel } from '../../../../shared/desktop/desk-model';
import type { Client } from '../../api/client';
import { type PageEvent, type PushedStore, followPushed } from '../../stores/pushed-store';
import type { LocaleStore } from '../../i18n/locale';
import type { NoticeToastsStore } from './notice-toasts';
import type { StoreApi } from 'zustand/vanilla';
import type { WebNotifier } from './web-notifier';

/** The events the desk model reads (shared/desktop/desk-model.ts `onEvent`). */
const MODEL_EVENTS = [
  'conversations/updated',
  'conversations/escalated',
  'messages/new',
  'messages/status',
  'orders/created',
  'accounts/status',
  'system/notice',
] as const satisfies readonly PageEvent[];

export interface NoticeGlueConfig {
  /** Core's connection state (a number disconnected past the grace is told). */
  client: Pick<Client, 'onConnection'>;
  /** The events, as stores/wire-events.ts puts them (services.pushed). */
  pushed: PushedStore;
  locale: LocaleStore;
  toasts: NoticeToastsStore;
  /** The browser's notifications; null in Electron, whose main process shows the OS notifications itself. */
  web: WebNotifier | null;
  /** True when the seller is already looking at what the notice is about (that chat open): no toast then. */
  onScreen?: (target: NoticeTarget) => boolean;
  /** The seller's per-kind switches and quiet hours; followed as they change (Settings writes them here). */
  prefs?: Pick<StoreApi<{ prefs: NoticePrefs }>, 'getState' | 'subscribe'>;
  timeZone?: string;
  now?: () => Date;
  /** How often the clock is told (a number disconnected past the grace is announced on a tick). */
  tickMs?: number;
}

/**
 * Feeds core's events to the same desk model the Electron shell uses, in the UI language, and shows what it raises:
 * an in-app toast always, a Web Notification when permitted. New orders already have their own toast
 * (features/orders/NewOrderToast), so they are not toasted twice.
 */
export function startNotices(config: NoticeGlueConfig) {
  const now = config.now ?? (() => new Date());
  const model = makeDeskModel({
    locale: config.locale.getState().locale,
    prefs: config.prefs?.getState().prefs ?? { kinds: {}, quietHours: null },
    // The seller's computer is in the seller's time zone, as the Electron shell assumes too.
    timeZone: config.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
  });
  const show = (notices: Notice[]) => {
    for (const notice of notices) {
      if (notice.kind !== 'order' && !config.onScreen?.(notice.target)) config.toasts.getState().push(notice);
      config.web?.show(notice);
    }
  };
  const offs = [
    ...MODEL_EVENTS.map((name) =>
      followPushed(config.pushed, name, (payload) => show(model.onEvent({ name, payload } as EventMessage, now()))),
    ),
    followPushed(config.pushed, 'system/storage', (s) => show(model.setPaused(s.state === 'disk_full' ? 'disk_full' : null, now()))),
    config.client.onConnection((state) => model.setCoreState(state)),
    config.locale.subscribe((s) => model.setLocale(s.locale)),
    config.prefs?.subscribe((s) => model.setPrefs(s.prefs)) ?? (() => undefined),
  ];
  const timer = setInterval(() => show(model.tick(now())), config.tickMs ?? 15_000);
  return {
    stop() {
      clearInterval(timer);
      for (const off of offs) off();
    },
  };
}
export type NoticeGlue = ReturnType<typeof startNotices>;
