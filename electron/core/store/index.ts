/** What other domains may use of the store: the database's table types (the connection is handed in by create-core). */
export type { AccountsTable, Database, MessagesTable, ShopsTable } from './schema';
