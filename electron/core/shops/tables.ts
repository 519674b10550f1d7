import type { Generated } from 'kysely';

/** Kysely table types of the shops domain (migrations 0001 and 0010). Times are ISO-8601 strings, as SQLite stores them. */
export interface ShopsTable {
  id: Generated<number>;
  name: string;
  currency: string;
  created_at: string;
  /** ISO 3166 alpha-2 set by the seller; null = derived from currency and time zone (0010). */
  country: string | null;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface ShopsTables {
  shops: ShopsTable;
}
