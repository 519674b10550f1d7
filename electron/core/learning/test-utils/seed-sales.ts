import type SQLite from 'better-sqlite3';

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
  sqlite: SQLite.Database,
  shopId: number,
  exchanges: readonly ScriptedExchange[],
  count: number,
  startMs = Date.parse('2026-03-01T08:00:00Z'),
): void {
  const account =
    sqlite.prepare<[number], { id: number }>("SELECT id FROM accounts WHERE shop_id = ? AND channel = 'simulator'").get(shopId)?.id ??
    Number(
      sqlite
        .prepare("INSERT INTO accounts (shop_id, channel, label, created_at) VALUES (?, 'simulator', 'Seed', ?)")
        .run(shopId, new Date(startMs).toISOString()).lastInsertRowid,
    );
  const contact = sqlite.prepare<[number, string, string, string]>(
    'INSERT INTO contacts (shop_id, jid, name, created_at) VALUES (?, ?, ?, ?)',
  );
  const conversation = sqlite.prepare<[number, number, number, string, string, string]>(
    'INSERT INTO conversations (shop_id, account_id, contact_id, created_at, last_message_at, last_inbound_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const message = sqlite.prepare<[number, number, number, string, string, string, string, string, string | null]>(
    "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, created_at, meta) VALUES (?, ?, ?, ?, ?, 'text', ?, ?, ?, ?)",
  );
  // What the pipeline records on a bot reply (the brain's intent for the message it answered).
  const orderMeta = JSON.stringify({ intent: 'order_request', orderAction: 'start', language: 'dz-latn', escalate: false });
  const order = sqlite.prepare<[number, number, number, string, string, string]>(
    `INSERT INTO orders (shop_id, conversation_id, contact_id, status, customer_name, phone, wilaya, commune, address, currency, items_total, total, created_at, updated_at)
     VALUES (?, ?, ?, 'new', ?, '0550000000', 'Alger', '', 'rue 1', 'DZD', 4500, 4500, ?, ?)`,
  );
  sqlite.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = (minutes: number) => new Date(startMs + i * 600_000 + minutes * 60_000).toISOString();
      const ex = exchanges[i % exchanges.length]!;
      const contactId = Number(contact.run(shopId, `2135${String(10_000_000 + i)}@s.whatsapp.net`, `Client ${i}`, at(0)).lastInsertRowid);
      const conversationId = Number(conversation.run(shopId, account, contactId, at(0), at(4), at(4)).lastInsertRowid);
      message.run(shopId, account, conversationId, 'in', 'customer', ex.question, 'received', at(0), null);
      message.run(shopId, account, conversationId, 'out', 'seller', ex.answer, 'sent', at(1), null);
      message.run(shopId, account, conversationId, 'in', 'customer', 'nheb ncommandi sac noir', 'received', at(2), null);
      message.run(shopId, account, conversationId, 'out', 'bot', 'Mli7! Ab3atli smitek w numéro.', 'sent', at(3), orderMeta);
      order.run(shopId, conversationId, contactId, `Client ${i}`, at(5), at(5));
    }
  })();
}
