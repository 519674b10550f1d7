import type { Generated } from 'kysely';

/** Kysely table types of the contacts domain (migrations 0001 and 0085). Booleans are 0/1 integers. */
export interface ContactsTable {
  id: Generated<number>;
  shop_id: number;
  jid: string;
  name: string | null;
  blocked: Generated<number>;
  created_at: string;
}

/** FTS5 index over contacts' name and number (0026, 0085), kept in step by store/message-search-index.ts. */
export interface ContactsFtsTable {
  rowid: number;
  name: string;
  jid: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface ContactsTables {
  contacts: ContactsTable;
  contacts_fts: ContactsFtsTable;
}
