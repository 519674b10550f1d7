import type { Generated } from 'kysely';

/** Kysely table types of the accounts domain (migration 0001). */
export interface AccountsTable {
  id: Generated<number>;
  shop_id: number;
  channel: 'whatsapp' | 'simulator';
  label: string;
  phone: string | null;
  status: Generated<string>;
  created_at: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface AccountsTables {
  accounts: AccountsTable;
}
