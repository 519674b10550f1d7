import { BackupStatus, DesktopPrefs } from '../../../shared/desktop/desktop-prefs';
import { parseStoredJson } from '../../../shared/domain/stored-json';
import type { PreferenceRows } from '../system';

const PREFS_KEY = 'desktop_prefs';
const BACKUP_KEY = 'desktop_backup_last';

export type LastBackup = Omit<BackupStatus, 'backups'>;
const NO_BACKUP: LastBackup = { lastAt: null, lastResult: null, lastFolder: null, lastError: null, lastBytes: null };

/** The app's own preferences and the last backup's outcome, rows of app_preferences (the system domain's, migration 0040). */
export function makeDesktopPrefsStore(rows: PreferenceRows) {
  return {
    get: (): DesktopPrefs => parseStoredJson(DesktopPrefs, rows.get(PREFS_KEY), DesktopPrefs.parse({})),
    set(prefs: DesktopPrefs, now: string): void {
      rows.set(PREFS_KEY, JSON.stringify(DesktopPrefs.parse(prefs)), now);
    },
    lastBackup: (): LastBackup => parseStoredJson(BackupStatus.omit({ backups: true }), rows.get(BACKUP_KEY), NO_BACKUP),
    setLastBackup(last: LastBackup, now: string): void {
      rows.set(BACKUP_KEY, JSON.stringify(last), now);
    },
  };
}
export type DesktopPrefsStore = ReturnType<typeof makeDesktopPrefsStore>;
