import { makePreferenceRows } from '../system';
import type { WritableSqlite } from '../store';
import { makeCommandsRepo } from './commands-repo';
import { makeSyncConfigStore } from './config-store';
import { makeDevicesRepo } from './devices-repo';

/** Every table sync keeps, built once from the connection (the service itself never touches SQL). */
export function makeSyncStore(sqlite: WritableSqlite) {
  return { config: makeSyncConfigStore(makePreferenceRows(sqlite)), devices: makeDevicesRepo(sqlite), commands: makeCommandsRepo(sqlite) };
}
export type SyncStore = ReturnType<typeof makeSyncStore>;
