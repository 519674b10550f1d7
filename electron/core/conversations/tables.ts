import type { Generated } from 'kysely';

/** Kysely table types of the conversations domain (migrations 0001, 0002, 0007, 0026). Booleans are 0/1 integers. */
export interface ConversationsTable {
  id: Generated<number>;
  shop_id: number;
  account_id: number;
  contact_id: number;
  status: Generated<string>;
  takeover: Generated<number>;
  unread: Generated<number>;
  last_message_at: string | null;
  last_preview: string | null;
  last_inbound_at: string | null;
  escalation_reason: string | null;
  flagged_reason: Generated<string | null>;
  /** null: until the seller gives the chat back. */
  takeover_until: Generated<string | null>;
  created_at: string;
}

export interface MessagesTable {
  id: Generated<number>;
  shop_id: number;
  account_id: number;
  conversation_id: number;
  direction: 'in' | 'out';
  author: 'customer' | 'bot' | 'seller';
  kind: Generated<string>;
  text: string;
  status: string;
  channel_message_id: string | null;
  meta: string | null;
  error: string | null;
  created_at: string;
  /** 1 while a customer message waits for its turn, 2 parked, null otherwise (0091; the pipeline's). */
  turn_state: Generated<number | null>;
  /** When the pipeline accepted a customer message that needed a turn, ms since the epoch (the debounce's clock). */
  accepted_ms: Generated<number | null>;
}

/** FTS5 index over message text (0002), rowid = messages.id. */
export interface MessagesFtsTable {
  rowid: number;
  text: string;
}

/** Open/closed/... counts per shop (0026), kept by triggers so the inbox tabs never count rows. */
export interface ConversationCountsTable {
  shop_id: number;
  status: string;
  n: number;
}

/** How far the search indexes (messages_fts, contacts_fts) have caught up, by index name (0002). */
export interface SearchIndexStateTable {
  name: string;
  last_id: number;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface ConversationsTables {
  conversations: ConversationsTable;
  messages: MessagesTable;
  messages_fts: MessagesFtsTable;
  conversation_counts: ConversationCountsTable;
  search_index_state: SearchIndexStateTable;
}
