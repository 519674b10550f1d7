/** The store's door: the connection, its recovery and backups, the search index over messages, and the database's table types. */
export { type Store, StoreDamagedError, openDatabase } from './open-database';
export { type RecoveryResult, type TableDamage, recoverDatabase } from './recover-database';
export { restoreBackup, runBackup } from './backup/backup';
export type { MessageSearchIndex } from './message-search-index';
export type { AccountsTable, Database, MessagesTable, ShopsTable } from './schema';
