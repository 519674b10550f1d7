import { type DesktopPrefs, noticePrefsOf } from '../../../shared/desktop/desktop-prefs';
import type { NoticePrefs } from '../../../shared/desktop/desk-model';
import type { KeepAwake } from './keep-awake';

/** Electron's login item (app.setLoginItemSettings), behind an interface main receives. */
export interface LoginItemPort {
  setOpenAtLogin(open: boolean): void;
}

export interface ShellPrefsDeps {
  /** The desk model: per-kind switches and quiet hours decide which notifications show. */
  notices: { setPrefs(prefs: NoticePrefs): void };
  login: LoginItemPort;
  keepAwake: Pick<KeepAwake, 'setEnabled'>;
  /** The update controller, once there is one (a dev build or no feed: none). */
  updates(): { setChannel(channel: DesktopPrefs['updateChannel']): unknown } | null;
}

/**
 * Applies the app's preferences to the shell each time core announces them (at start and on every change from
 * Settings, in this window or a browser tab). Only what changed is touched: the login item and the update channel
 * are OS / network work.
 */
export function makeShellPrefs(deps: ShellPrefsDeps) {
  let current: DesktopPrefs | null = null;
  return {
    apply(next: DesktopPrefs): void {
      const before = current;
      current = next;
      deps.notices.setPrefs(noticePrefsOf(next));
      deps.keepAwake.setEnabled(next.keepAwake);
      if (before?.startAtLogin !== next.startAtLogin) deps.login.setOpenAtLogin(next.startAtLogin);
      if (before && before.updateChannel !== next.updateChannel) void deps.updates()?.setChannel(next.updateChannel);
    },
    /** The last preferences applied; null until core has answered. */
    get current(): DesktopPrefs | null {
      return current;
    },
  };
}
export type ShellPrefs = ReturnType<typeof makeShellPrefs>;
