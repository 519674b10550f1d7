import type { Database } from '../../database';
import { type WritableSqlite, typedStatements } from '../../store';

/** A question a customer asked before buying, and how the seller answered it. */
export interface ScriptedExchange {
  question: string;
  answer: string;
}

/**
 * Ordered conversations written straight into the store (one transaction, prepared statements):
 * each customer asks one of `exchanges`, the seller answers, the customer orders. For the
 * analyzer's benchmark and the Learning page's browser test, where driving the pipeline for every
 * sale would only measure the pipeline.
 */
export function seedOrderedConversations(
  sqlite: WritableSqlite,
  shopId: number,
  exchanges: readonly ScriptedExchange[],
  count: number,
  startMs = Date.parse('2026-03-01T08:00:00Z'),
): void {
  const statements = typedStatements<Database>(sqlite);
  const seedAccount = statements.prepare((db, p: { shopId: number }) =>
    db.selectFrom('accounts').select('id').where('shop_id', '=', p.shopId).where('channel', '=', 'simulator'),
  );
  const addAccount = statements.prepare((db, p: { shopId: number; now: string }) =>
    db.insertInto('accounts').values({ shop_id: p.shopId, channel: 'simulator', label: 'Seed', created_at: p.now }),
  );
  const account =
    seedAccount.get({ shopId })?.id ?? Number(addAccount.run({ shopId, now: new Date(startMs).toISOString() }).lastInsertRowid);
  const contact = statements.prepare((db, p: { shopId: number; jid: string; name: string; at: string }) =>
    db.insertInto('contacts').values({ shop_id: p.shopId, jid: p.jid, name: p.name, created_at: p.at }),
  );
  const conversation = statements.prepare((db, p: { shopId: number; accountId: number; contactId: number; at: string; lastAt: string }) =>
    db.insertInto('conversations').values({
      shop_id: p.shopId,
      account_id: p.accountId,
      contact_id: p.contactId,
      created_at: p.at,
      last_message_at: p.lastAt,
      last_inbound_at: p.lastAt,
    }),
  );
  const message = statements.prepare(
    (
      db,
      p: {
        shopId: number;
        accountId: number;
        conversationId: number;
        direction: 'in' | 'out';
        author: 'customer' | 'bot' | 'seller';
        text: string;
        status: string;
        at: string;
        meta: string | null;
      },
    ) =>
      db.insertInto('messages').values({
        shop_id: p.shopId,
        account_id: p.accountId,
        conversation_id: p.conversationId,
        direction: p.direction,
        author: p.author,
        kind: 'text',
        text: p.text,
        status: p.status,
        created_at: p.at,
        meta: p.meta,
      }),
  );
  // What the pipeline records on a bot reply (the brain's intent for the message it answered).
  const orderMeta = JSON.stringify({ intent: 'order_request', orderAction: 'start', language: 'dz-latn', escalate: false });
  const order = statements.prepare((db, p: { shopId: number; conversationId: number; contactId: number; name: string; at: string }) =>
    db.insertInto('orders').values({
      shop_id: p.shopId,
      conversation_id: p.conversationId,
      contact_id: p.contactId,
      status: 'new',
      customer_name: p.name,
      phone: '0550000000',
      wilaya: 'Alger',
      commune: '',
      address: 'rue 1',
      currency: 'DZD',
      items_total: 4500,
      total: 4500,
      created_at: p.at,
      updated_at: p.at,
    }),
  );
  const say = (
    conversationId: number,
    direction: 'in' | 'out',
    author: 'customer' | 'bot' | 'seller',
    text: string,
    status: string,
    at: string,
    meta: string | null = null,
  ) => message.run({ shopId, accountId: account, conversationId, direction, author, text, status, at, meta });
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = (minutes: number) => new Date(startMs + i * 600_000 + minutes * 60_000).toISOString();
      const ex = exchanges[i % exchanges.length]!;
      const contactId = Number(
        contact.run({ shopId, jid: `2135${String(10_000_000 + i)}@s.whatsapp.net`, name: `Client ${i}`, at: at(0) }).lastInsertRowid,
      );
      const conversationId = Number(conversation.run({ shopId, accountId: account, contactId, at: at(0), lastAt: at(4) }).lastInsertRowid);
      say(conversationId, 'in', 'customer', ex.question, 'received', at(0));
      say(conversationId, 'out', 'seller', ex.answer, 'sent', at(1));
      say(conversationId, 'in', 'customer', 'nheb ncommandi sac noir', 'received', at(2));
      say(conversationId, 'out', 'bot', 'Mli7! Ab3atli smitek w numéro.', 'sent', at(3), orderMeta);
      order.run({ shopId, conversationId, contactId, name: `Client ${i}`, at: at(5) });
    }
  })();
}
