import { noticePrefsOf } from '../../../../shared/desktop/desktop-prefs';
import type { Client } from '../../api/client';
import { type PushedStore, followPushed } from '../../stores/pushed-store';
import type { NoticePrefsStore } from './notice-toasts';

/**
 * The browser's notices follow the seller's choices kept by core (Settings → Desktop and notifications), as the
 * desktop shell's do: loaded once, then every change from any window. Until core answers, every kind is on.
 */
export function followNoticePrefs(client: Pick<Client, 'send'>, pushed: PushedStore, store: NoticePrefsStore): () => void {
  let live = true;
  client.send('desktop/get-prefs', {}).then(
    (prefs) => live && store.getState().setPrefs(noticePrefsOf(prefs)),
    () => undefined,
  );
  const off = followPushed(pushed, 'desktop/prefs-changed', (prefs) => store.getState().setPrefs(noticePrefsOf(prefs)));
  return () => {
    live = false;
    off();
  };
}
