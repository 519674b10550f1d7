import { sql } from 'kysely';
import { NOT_SENT, type PeriodScope, type StatementCache, messagesIndexedBy, preparedOnce } from './statements';

/** Who sent a message. */
export const enum Sender {
  Customer = 0,
  Bot = 1,
  Seller = 2,
}

/** Bits of what a bot reply's decision summary said. */
export const enum BotFlag {
  AskedPrice = 1,
  StartedOrder = 2,
  Escalated = 4,
}

/** One message of the period: conversation, sender, UTC ms, bot flags, bot-detected language, first product named. */
export type ScannedMessage = [
  conversationId: number,
  sender: Sender,
  atMs: number,
  flags: number,
  language?: string | null,
  sku?: string | null,
];

/** The period's messages as one JSON document; without details, the language and product are left out of it. */
function scanOf(statements: StatementCache, details: boolean) {
  // The document's expressions stay SQL text: they are the index's own expressions, which SQLite matches by text.
  const detail = details
    ? sql`, CASE WHEN author = 'bot' THEN json_extract(meta, '$.language') END, CASE WHEN author = 'bot' THEN json_extract(meta, '$.skus[0]') END`
    : sql``;
  return statements.prepare((db, p: { shopId: number; fromUtc: string; toUtc: string }) =>
    db
      .selectFrom(messagesIndexedBy('messages_shop_created'))
      .select(
        sql<string>`json_group_array(json_array(conversation_id,
       CASE WHEN direction = 'in' THEN 0 WHEN author = 'bot' THEN 1 ELSE 2 END,
       CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER),
       CASE WHEN author = 'bot' THEN (json_extract(meta, '$.intent') IN ('price_question', 'objection_price'))
         + 2 * (json_extract(meta, '$.orderAction') IN ('start', 'add_item', 'confirm'))
         + 4 * (coalesce(json_extract(meta, '$.escalate'), 0) = 1) ELSE 0 END${detail}))`.as('doc'),
      )
      .where('m.shop_id', '=', p.shopId)
      .where('m.created_at', '>=', p.fromUtc)
      .where('m.created_at', '<', p.toUtc)
      .where('m.status', 'not in', NOT_SENT),
  );
}
// The comparison period needs only counts and flags.
const queriesOf = preparedOnce((statements) => ({ withDetails: scanOf(statements, true), countsOnly: scanOf(statements, false) }));

/**
 * The period's messages in time order, read from the covering index of migration 0035 (the
 * json_extract expressions below are the index's own, so SQLite neither reads message rows nor
 * parses JSON), in index order. Returned as one JSON array in one row: building ~80k row objects through the
 * driver cost about five times more than SQLite writing and V8 parsing one document.
 */
export function scanMessages(
  statement: StatementCache,
  scope: PeriodScope,
  options: { details: boolean } = { details: true },
): ScannedMessage[] {
  const json = queriesOf(statement)[options.details ? 'withDetails' : 'countsOnly'].get(scope)?.doc;
  const rows = json ? (JSON.parse(json) as ScannedMessage[]) : [];
  // An index range scan yields index (time) order; sorting inside the aggregate would cost a temp
  // b-tree on every call, so order is checked here and restored only if a plan ever changes it.
  for (let i = 1; i < rows.length; i++) {
    if (rows[i]![2] < rows[i - 1]![2]) return rows.sort((a, b) => a[2] - b[2]);
  }
  return rows;
}
