import type SQLite from 'better-sqlite3';
import { BackupStatus, DesktopPrefs } from '../../../shared/desktop/desktop-prefs';
import { parseStoredJson } from '../../../shared/domain/stored-json';

const PREFS_KEY = 'desktop_prefs';
const BACKUP_KEY = 'desktop_backup_last';

export type LastBackup = Omit<BackupStatus, 'backups'>;
const NO_BACKUP: LastBackup = { lastAt: null, lastResult: null, lastFolder: null, lastError: null, lastBytes: null };

/** The app's own preferences and the last backup's outcome, rows of app_preferences (migration 0040). */
export function makeDesktopPrefsStore(sqlite: SQLite.Database) {
  const read = sqlite.prepare<[string], { value: string }>('SELECT value FROM app_preferences WHERE key = ?');
  const write = sqlite.prepare<[string, string, string]>(
    'INSERT INTO app_preferences (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    get: (): DesktopPrefs => parseStoredJson(DesktopPrefs, read.get(PREFS_KEY)?.value, DesktopPrefs.parse({})),
    set(prefs: DesktopPrefs, now: string): void {
      write.run(PREFS_KEY, JSON.stringify(DesktopPrefs.parse(prefs)), now);
    },
    lastBackup: (): LastBackup => parseStoredJson(BackupStatus.omit({ backups: true }), read.get(BACKUP_KEY)?.value, NO_BACKUP),
    setLastBackup(last: LastBackup, now: string): void {
      write.run(BACKUP_KEY, JSON.stringify(last), now);
    },
  };
}
export type DesktopPrefsStore = ReturnType<typeof makeDesktopPrefsStore>;
