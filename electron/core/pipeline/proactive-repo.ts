import type { Database } from '../database';
import { type ReadableSqlite, typedStatements } from '../store';

/** The connection a proactive message's target is read from (the pipeline's). */
export type ProactiveConnection = ReadableSqlite;

/**
 * Where a proactive message goes: the conversation's account and the contact's jid, in the shop.
 * Prepared once (typedStatements) and synchronous: `enqueue` stores the message and its outbox row
 * in the same call, and this is one indexed read.
 */
export function makeProactiveRepo(sqlite: ProactiveConnection) {
  const target = typedStatements<Database>(sqlite).prepare((db, p: { conversationId: number; shopId: number }) =>
    db
      .selectFrom('conversations as c')
      .innerJoin('contacts as k', 'k.id', 'c.contact_id')
      .select(['c.account_id as accountId', 'k.jid as toJid'])
      .where('c.id', '=', p.conversationId)
      .where('c.shop_id', '=', p.shopId),
  );
  return { target: (conversationId: number, shopId: number) => target.get({ conversationId, shopId }) };
}
