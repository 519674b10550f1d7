import type { Generated } from 'kysely';

/** Kysely table types of the pipeline (migrations 0002 and 0025; the inbound queue folded into messages in 0091). */
export interface OutboxTable {
  id: Generated<number>;
  shop_id: number;
  account_id: number;
  conversation_id: number;
  message_id: number;
  to_jid: string;
  channel_message_id: string;
  state: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  /** reply | proactive (0025): which send budget the dispatcher applies. */
  kind: Generated<string>;
}

/** The tables this domain owns, as core's `Database` (electron/core/database.ts) lists them. */
export interface PipelineTables {
  outbox: OutboxTable;
}
