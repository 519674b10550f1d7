import { createStore } from 'zustand/vanilla';
import type { Notice } from '../../../../shared/desktop/desk-model';
import { noticeHref } from '../../../../shared/desktop/deep-link';

/** The part of the browser's `Notification` this uses; tests pass a fake. */
export interface NotificationLike {
  onclick: ((event: Event) => unknown) | null;
  close(): void;
}
export interface NotificationApi {
  readonly permission: NotificationPermission;
  requestPermission(): Promise<NotificationPermission>;
  new (title: string, options?: NotificationOptions): NotificationLike;
}

export interface WebNotifierConfig {
  api: NotificationApi;
  /** True when the seller is not looking at the tab: only then does the OS show a notification (the toast is enough). */
  away(): boolean;
  /** A click: raise the tab and follow the link. */
  open(href: string): void;
  icon?: string;
}

/**
 * Web Notifications for the browser shell: the desk model's notices as OS notifications once the seller allowed
 * them (asked from a click: browsers refuse a request that no gesture started).
 */
export function makeWebNotifier(config: WebNotifierConfig) {
  const state = createStore<{ permission: NotificationPermission }>(() => ({ permission: config.api.permission }));
  return {
    state,
    /** Must run inside a user gesture (a button's click). */
    async request(): Promise<NotificationPermission> {
      const permission = await config.api.requestPermission();
      state.setState({ permission });
      return permission;
    },
    /** Shows the notice when permitted and the seller is away; true when it was shown. */
    show(notice: Notice): boolean {
      if (config.api.permission !== 'granted' || !config.away()) return false;
      const href = noticeHref(notice.target);
      // The tag folds repeats about the same chat or order into one notification.
      const n = new config.api(notice.title, { body: notice.body, tag: href, ...(config.icon ? { icon: config.icon } : {}) });
      n.onclick = () => {
        config.open(href);
        n.close();
      };
      return true;
    },
  };
}
export type WebNotifier = ReturnType<typeof makeWebNotifier>;
