/**
 * The store's door for other domains: the connection, its read and write handle types, and the
 * migrations' errors. Core's schema type and its `openDatabase` are electron/core/database.ts.
 */
export {
  type ReadStatement,
  type ReadableDB,
  type ReadableSqlite,
  type WritableDB,
  type WritableSqlite,
  WriteRefusedError,
  inWriteTransaction,
  readOnlyView,
} from './handles';
export { type OpenOptions, PAGE_CACHE_KB, SchemaTooNewError, type Store, StoreDamagedError, openStore, quickCheck } from './open-database';
export { DataDirLockedError, lockDataDir } from './data-dir-lock';
export { type RecoveryResult, type TableDamage, recoverDatabase } from './recover-database';
export { type BackupOptions, restoreBackup, runBackup } from './backup/backup';
export { type MessageSearchIndex, optimizeMessageSearch } from './message-search-index';
export { makeDiskProbe } from './disk-probe';
export { type ReadQuery, type RowOf, type WriteQuery, typedStatements } from './typed-statements';
