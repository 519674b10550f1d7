import type { DesktopPrefs } from '../../../shared/desktop/desktop-prefs';

export type CloseAction = 'close' | 'hide' | 'hide-and-explain' | 'quit';

/**
 * What closing the window does. Quitting (tray menu, update install, OS shutdown) closes it; otherwise, with
 * close-to-tray on, it hides and the bot keeps answering (the first time, the seller is told so once); with it off,
 * closing the window quits Souqbot. Before preferences arrive from core, the safe default is to keep running.
 */
export function closeAction(prefs: Pick<DesktopPrefs, 'closeToTray' | 'closeToTrayExplained'> | null, quitting: boolean): CloseAction {
  if (quitting) return 'close';
  if (!prefs) return 'hide';
  if (!prefs.closeToTray) return 'quit';
  return prefs.closeToTrayExplained ? 'hide' : 'hide-and-explain';
}
