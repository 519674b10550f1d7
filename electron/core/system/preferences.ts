import type SQLite from 'better-sqlite3';
import { Locale } from '../../../shared/domain/schemas';
import { SetupProgress } from '../../../shared/domain/setup';

/** App-wide preferences (table app_preferences, migration 0040); one row per key. */
export function makePreferences(sqlite: SQLite.Database) {
  const read = sqlite.prepare<[string], { value: string }>('SELECT value FROM app_preferences WHERE key = ?');
  const write = sqlite.prepare<[string, string, string]>(
    'INSERT INTO app_preferences (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    /** The interface language the seller chose last, in any window; null before the first choice. */
    uiLocale(): Locale | null {
      const parsed = Locale.safeParse(read.get('ui_locale')?.value);
      return parsed.success ? parsed.data : null;
    },
    setUiLocale(locale: Locale, now: string): void {
      write.run('ui_locale', locale, now);
    },
    /** The first-run wizard's progress; null before it started (or when the stored row does not parse). */
    setupProgress(): SetupProgress | null {
      const raw = read.get('setup_progress')?.value;
      if (raw === undefined) return null;
      try {
        const parsed = SetupProgress.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    setSetupProgress(progress: SetupProgress, now: string): void {
      write.run('setup_progress', JSON.stringify(progress), now);
    },
  };
}
