import { Locale } from '../../../shared/domain/schemas';
import { SetupProgress } from '../../../shared/domain/setup';
import { parseStoredJson } from '../../../shared/domain/stored-json';
import type { Database } from '../database';
import { type WritableDB, type WritableSqlite, typedStatements } from '../store';
import type { SystemTables } from './tables';

/** One app preference row by key, read and written synchronously (for the synchronous stores of desktop and sync). */
export interface PreferenceRows {
  /** The stored value of `key`, or undefined before it was first written. */
  get(key: string): string | undefined;
  /** Writes `key`'s value (insert or replace), stamped `now`. */
  set(key: string, value: string, now: string): void;
}

/**
 * The synchronous door to app_preferences: this module owns the table (one writer), and each
 * other domain keeps its own keys through it (desktop's prefs and last backup, sync's config).
 */
export function makePreferenceRows(sqlite: WritableSqlite): PreferenceRows {
  const statements = typedStatements<SystemTables>(sqlite);
  const read = statements.prepare((db, p: { key: string }) => db.selectFrom('app_preferences').select('value').where('key', '=', p.key));
  const write = statements.prepare((db, p: { key: string; value: string; now: string }) =>
    db
      .insertInto('app_preferences')
      .values({ key: p.key, value: p.value, updated_at: p.now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: eb.ref('excluded.updated_at') })),
      ),
  );
  return {
    get: (key) => read.get({ key })?.value,
    set: (key, value, now) => void write.run({ key, value, now }),
  };
}

/** App-wide preferences (table app_preferences, migration 0040); one row per key. */
export function makePreferences(db: WritableDB<Database>) {
  const read = async (key: string): Promise<string | undefined> =>
    (await db.selectFrom('app_preferences').select('value').where('key', '=', key).executeTakeFirst())?.value;
  const write = async (key: string, value: string, now: string): Promise<void> => {
    await db
      .insertInto('app_preferences')
      .values({ key, value, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
      .execute();
  };
  return {
    /** The interface language the seller chose last, in any window; null before the first choice. */
    async uiLocale(): Promise<Locale | null> {
      const parsed = Locale.safeParse(await read('ui_locale'));
      return parsed.success ? parsed.data : null;
    },
    setUiLocale: (locale: Locale, now: string): Promise<void> => write('ui_locale', locale, now),
    /** The first-run wizard's progress; null before it started (or when the stored row does not parse). */
    async setupProgress(): Promise<SetupProgress | null> {
      return parseStoredJson<SetupProgress | null>(SetupProgress, await read('setup_progress'), null);
    },
    setSetupProgress: (progress: SetupProgress, now: string): Promise<void> => write('setup_progress', JSON.stringify(progress), now),
  };
}
