import type { Generated } from 'kysely';

/** The seller's saved replies (migration 0001). */
export interface QuickRepliesTable {
  id: Generated<number>;
  shop_id: number;
  name: string;
  text: string;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface QuickRepliesTables {
  quick_replies: QuickRepliesTable;
}
