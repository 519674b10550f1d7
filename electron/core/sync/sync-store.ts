import type SQLite from 'better-sqlite3';
import { makeCommandsRepo } from './commands-repo';
import { makeSyncConfigStore } from './config-store';
import { makeDevicesRepo } from './devices-repo';

/** Every table sync keeps, built once from the connection (the service itself never touches SQL). */
export function makeSyncStore(sqlite: SQLite.Database) {
  return { config: makeSyncConfigStore(sqlite), devices: makeDevicesRepo(sqlite), commands: makeCommandsRepo(sqlite) };
}
export type SyncStore = ReturnType<typeof makeSyncStore>;
