import { z } from 'zod';
import { parseStoredJson } from '../../../shared/domain/stored-json';
import type { PreferenceRows } from '../system';

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

/** A row of app_preferences (the system domain's, migration 0040); unreadable → the default (off). */
export function makeSyncConfigStore(rows: PreferenceRows) {
  return {
    get(): SyncConfig {
      return parseStoredJson(SyncConfig, rows.get(CONFIG_KEY), SyncConfig.parse({}));
    },
    set(config: SyncConfig, now: string): void {
      rows.set(CONFIG_KEY, JSON.stringify(SyncConfig.parse(config)), now);
    },
  };
}
