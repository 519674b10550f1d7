import type { Kysely } from 'kysely';
import { Locale } from '../../../shared/domain/schemas';
import { SetupProgress } from '../../../shared/domain/setup';
import { parseStoredJson } from '../../../shared/domain/stored-json';
import type { Database } from '../database';

/** App-wide preferences (table app_preferences, migration 0040); one row per key. */
export function makePreferences(db: Kysely<Database>) {
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
