import { type Kysely, sql } from 'kysely';

/**
 * The Analytics page reads a period of a shop's messages: who wrote, when, and what the bot's
 * decision summary (meta JSON) said. This index holds all of it, so that read never touches the
 * message rows (text and meta) and never parses JSON: the bot's intent, order action, escalation,
 * language and first product are indexed expressions (SQLite matches the same expressions in
 * analytics/message-scan.ts). Measured in bench/analytics.ts (before and after). Guardrail
 * interventions get a by-time index too.
 */
export const MESSAGE_FACTS_COLUMNS = [
  'shop_id',
  'created_at',
  'conversation_id',
  'direction',
  'author',
  'status',
  "json_extract(meta, '$.intent')",
  "json_extract(meta, '$.orderAction')",
  "json_extract(meta, '$.escalate')",
  "json_extract(meta, '$.language')",
  "json_extract(meta, '$.skus[0]')",
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql.raw(`CREATE INDEX messages_shop_created ON messages(${MESSAGE_FACTS_COLUMNS.join(', ')})`).execute(db);
  await sql`CREATE INDEX guardrail_violations_shop_created ON guardrail_violations(shop_id, created_at)`.execute(db);
}
