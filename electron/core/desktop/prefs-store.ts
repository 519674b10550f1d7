import { BackupStatus, DesktopPrefs } from '../../../shared/desktop/desktop-prefs';
import type { PreferenceRows } from '../system';

const PREFS_KEY = 'desktop_prefs';
const BACKUP_KEY = 'desktop_backup_last';

export type LastBackup = Omit<BackupStatus, 'backups'>;
const NO_BACKUP: LastBackup = { lastAt: null, lastResult: null, lastFolder: null, lastError: null, lastBytes: null };

/** Parses what is stored; anything unreadable (hand-edited, written by an older build) falls back to defaults. */
function parseOr<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  raw: string | undefined,
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}

/** The app's own preferences and the last backup's outcome, rows of app_preferences (the system domain's, migration 0040). */
export function makeDesktopPrefsStore(rows: PreferenceRows) {
  return {
    get: (): DesktopPrefs => parseOr(DesktopPrefs, rows.get(PREFS_KEY), DesktopPrefs.parse({})),
    set(prefs: DesktopPrefs, now: string): void {
      rows.set(PREFS_KEY, JSON.stringify(DesktopPrefs.parse(prefs)), now);
    },
    lastBackup: (): LastBackup => parseOr(BackupStatus.omit({ backups: true }), rows.get(BACKUP_KEY), NO_BACKUP),
    setLastBackup(last: LastBackup, now: string): void {
      rows.set(BACKUP_KEY, JSON.stringify(last), now);
    },
  };
}
export type DesktopPrefsStore = ReturnType<typeof makeDesktopPrefsStore>;
