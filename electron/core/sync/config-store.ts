import type SQLite from 'better-sqlite3';
import { z } from 'zod';
import { parseStoredJson } from '../../../shared/domain/stored-json';

const CONFIG_KEY = 'sync_config';

/** The seller's sync choice. Off by default: nothing leaves the computer until it is turned on. */
const SyncConfig = z.object({
  enabled: z.boolean().default(false),
  relayUrl: z.string().nullable().default(null),
  appUrl: z.string().nullable().default(null),
  /** A device was unpaired while the relay was out of reach: rotate the box key at the next connection. */
  rotatePending: z.boolean().default(false),
});
export type SyncConfig = z.infer<typeof SyncConfig>;

/** A row of app_preferences (migration 0040); unreadable → the default (off). */
export function makeSyncConfigStore(sqlite: SQLite.Database) {
  const read = sqlite.prepare<[string], { value: string }>('SELECT value FROM app_preferences WHERE key = ?');
  const write = sqlite.prepare<[string, string, string]>(
    'INSERT INTO app_preferences (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    get(): SyncConfig {
      return parseStoredJson(SyncConfig, read.get(CONFIG_KEY)?.value, SyncConfig.parse({}));
    },
    set(config: SyncConfig, now: string): void {
      write.run(CONFIG_KEY, JSON.stringify(SyncConfig.parse(config)), now);
    },
  };
}
