import type SQLite from 'better-sqlite3';

/** The connection a proactive message's target is read from (the pipeline's). */
export type ProactiveConnection = SQLite.Database;

/**
 * Where a proactive message goes: the conversation's account and the contact's jid, in the shop.
 * A raw prepared statement: `enqueue` is synchronous (it stores the message and its outbox row
 * in the same call), and this is one indexed read.
 */
export function makeProactiveRepo(sqlite: ProactiveConnection) {
  const target = sqlite.prepare<[number, number], { accountId: number; toJid: string }>(
    `SELECT c.account_id AS accountId, k.jid AS toJid FROM conversations c JOIN contacts k ON k.id = c.contact_id
     WHERE c.id = ? AND c.shop_id = ?`,
  );
  return { target: (conversationId: number, shopId: number) => target.get(conversationId, shopId) };
}
