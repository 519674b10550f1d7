/** The store's door: the connection, its recovery and backups, and the search index over messages. */
export { type Store, StoreDamagedError, openDatabase } from './open-database';
export { type RecoveryResult, type TableDamage, recoverDatabase } from './recover-database';
export { restoreBackup, runBackup } from './backup/backup';
export type { MessageSearchIndex } from './message-search-index';
