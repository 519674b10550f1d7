import type SQLite from 'better-sqlite3';
import { encodeEscalations, escalation } from '../../../shared/domain/notices';

/**
 * A small shop with hand-checkable figures, in Europe/Paris across the spring-forward night
 * (2026-03-29, 02:00 → 03:00) and across UTC midnight (Paris is an hour or two ahead, so
 * 23:30 UTC is already the next local day). The period 2026-03-28..30 and the previous one,
 * 03-25..27, are computed by hand in overview.test.ts. Shop `otherShopId` writes in the same
 * hours and must never show up. Used by the unit tests and the browser test.
 */
export const FIXTURE_ZONE = 'Europe/Paris';

interface Meta {
  intent?: string;
  language?: string;
  skus?: string[];
  orderAction?: string;
  escalate?: boolean;
  citations?: string[];
}

export function seedAnalyticsFixture(sqlite: SQLite.Database, shopId: number, otherShopId: number): void {
  const now = '2026-03-01T00:00:00.000Z';
  const insertId = (sql: string, ...args: unknown[]): number => Number(sqlite.prepare(sql).run(...args).lastInsertRowid);
  const account = (shop: number, label: string) =>
    insertId(
      "INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (?, 'simulator', ?, 'connected', ?)",
      shop,
      label,
      now,
    );
  const conversation = (shop: number, acc: number, jid: string, reason: string | null = null) => {
    const contact = insertId(
      'INSERT INTO contacts (shop_id, jid, name, created_at) VALUES (?, ?, ?, ?)',
      shop,
      jid,
      jid.split('@')[0],
      now,
    );
    return insertId(
      'INSERT INTO conversations (shop_id, account_id, contact_id, escalation_reason, created_at) VALUES (?, ?, ?, ?, ?)',
      shop,
      acc,
      contact,
      reason,
      now,
    );
  };
  const accountOf = (conv: number) =>
    sqlite.prepare('SELECT account_id AS a, shop_id AS s FROM conversations WHERE id = ?').get(conv) as { a: number; s: number };
  const customer = (conv: number, at: string, text: string) => {
    const { a, s } = accountOf(conv);
    return insertId(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at) VALUES (?, ?, ?, 'in', 'customer', ?, 'received', ?)",
      s,
      a,
      conv,
      text,
      at,
    );
  };
  const bot = (conv: number, at: string, inReplyTo: number | null, meta: Meta, text = 'reply') => {
    const { a, s } = accountOf(conv);
    const doc = {
      inReplyTo: inReplyTo ? [inReplyTo] : [],
      language: 'fr',
      intent: 'other',
      salesAction: 'none',
      orderAction: 'none',
      escalate: false,
      skus: [],
      media: [],
      citations: [],
      ...meta,
    };
    return insertId(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, meta, created_at) VALUES (?, ?, ?, 'out', 'bot', ?, 'sent', ?, ?)",
      s,
      a,
      conv,
      text,
      JSON.stringify(doc),
      at,
    );
  };
  const seller = (conv: number, at: string, text: string) => {
    const { a, s } = accountOf(conv);
    return insertId(
      "INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, text, status, created_at) VALUES (?, ?, ?, 'out', 'seller', ?, 'sent', ?)",
      s,
      a,
      conv,
      text,
      at,
    );
  };
  const order = (
    shop: number,
    conv: number | null,
    fromMessage: number | null,
    status: string,
    at: string,
    items: [string, string, number, number][],
    fee = 0,
    cash: number | null = null,
  ) => {
    const itemsTotal = items.reduce((n, [, , q, p]) => n + q * p, 0);
    const id = insertId(
      `INSERT INTO orders (shop_id, conversation_id, status, customer_name, phone, wilaya, currency, items_total, delivery_fee, total, cash_collected, created_from_message_id, created_at, updated_at)
       VALUES (?, ?, ?, 'Client', '0550000000', 'Alger', 'EUR', ?, ?, ?, ?, ?, ?, ?)`,
      shop,
      conv,
      status,
      itemsTotal,
      fee,
      itemsTotal + fee,
      cash,
      fromMessage,
      at,
      at,
    );
    for (const [sku, name, quantity, price] of items) {
      sqlite
        .prepare('INSERT INTO order_items (order_id, shop_id, sku, name, quantity, unit_price) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, shop, sku, name, quantity, price);
    }
    return id;
  };
  const product = (sku: string, name: string, stock: number | null) =>
    sqlite
      .prepare(
        `INSERT INTO products (shop_id, sku, name, category, price, currency, stock, search_doc, created_at, updated_at) VALUES (?, ?, ?, 'x', 100, 'EUR', ?, '', ?, ?)`,
      )
      .run(shopId, sku, name, stock, now, now);

  product('SAC-1', 'Sac cuir camel', 5);
  product('ROBE-R', 'Robe rouge', 0);
  product('SHOE-1', 'Baskets', 3);
  sqlite
    .prepare(
      `INSERT INTO knowledge (shop_id, question, answer, keywords, source, status, search_doc, created_at, updated_at) VALUES (?, 'Vous livrez le samedi ?', 'Oui', '[]', 'seller', 'active', '', ?, ?)`,
    )
    .run(shopId, now, now);

  const a1 = account(shopId, 'Boutique');
  const a2 = account(shopId, 'Second number');

  // C1, Darija in Latin letters: asks the price just after local midnight (still 27 March in UTC), orders, gets it delivered.
  const c1 = conversation(shopId, a1, '213550000001@s.whatsapp.net');
  let q = customer(c1, '2026-03-27T23:30:00.000Z', 'ch7al had sac?');
  bot(c1, '2026-03-27T23:30:20.000Z', q, { intent: 'price_question', language: 'dz-latn', skus: ['SAC-1'], citations: ['product:1'] });
  q = customer(c1, '2026-03-28T10:00:00.000Z', 'nakhdou');
  bot(c1, '2026-03-28T10:00:40.000Z', q, { intent: 'order_request', language: 'dz-latn', skus: ['SAC-1'], orderAction: 'start' });
  q = customer(c1, '2026-03-28T10:05:00.000Z', 'Amina, 0550 00 00 01, Alger centre');
  bot(c1, '2026-03-28T10:05:10.000Z', q, { intent: 'order_request', language: 'dz-latn', orderAction: 'confirm' });
  order(shopId, c1, q, 'delivered', '2026-03-28T10:05:10.000Z', [['SAC-1', 'Sac cuir camel', 1, 4000]], 500, 4500);

  // C2, French, on the night the clocks go forward: 01:30 (+1) then 03:30 (+2) local; its order was cancelled.
  const c2 = conversation(shopId, a1, '33600000002@s.whatsapp.net');
  q = customer(c2, '2026-03-29T00:30:00.000Z', 'Bonjour, la robe rouge est dispo ?');
  bot(c2, '2026-03-29T00:31:00.000Z', q, { intent: 'availability', language: 'fr', skus: ['ROBE-R'] });
  q = customer(c2, '2026-03-29T01:30:00.000Z', 'et le prix ?');
  bot(c2, '2026-03-29T01:32:00.000Z', q, { intent: 'price_question', language: 'fr', skus: ['ROBE-R'] });
  order(shopId, c2, null, 'cancelled', '2026-03-29T02:00:00.000Z', [['ROBE-R', 'Robe rouge', 1, 9999]]);

  // C3, Arabic, on the second number: escalated (refund), then the seller answers and closes a sale.
  const c3 = conversation(
    shopId,
    a2,
    '213550000003@s.whatsapp.net',
    encodeEscalations([escalation('refund_complaint'), escalation('low_confidence')]),
  );
  q = customer(c3, '2026-03-29T22:30:00.000Z', 'أريد استرجاع المال');
  bot(c3, '2026-03-29T22:30:30.000Z', q, { intent: 'complaint_refund', language: 'ar', escalate: true });
  q = customer(c3, '2026-03-30T08:00:00.000Z', 'واش كاين الحذاء؟');
  seller(c3, '2026-03-30T08:10:00.000Z', 'نعم، 3000 دج');
  order(shopId, c3, q, 'new', '2026-03-30T08:20:00.000Z', [['SHOE-1', 'Baskets', 1, 3000]]);

  // C4, English: questions the bot had no answer for (one twice in other words, one already in the FAQ); a guardrail stopped a reply.
  const c4 = conversation(shopId, a1, '447700000004@s.whatsapp.net');
  q = customer(c4, '2026-03-30T12:00:00.000Z', 'Do you deliver to Oran?');
  bot(c4, '2026-03-30T12:00:05.000Z', q, { language: 'en' });
  q = customer(c4, '2026-03-30T12:01:00.000Z', 'do you deliver to oran');
  bot(c4, '2026-03-30T12:01:05.000Z', q, { language: 'en' });
  q = customer(c4, '2026-03-30T12:02:00.000Z', 'vous livrez le samedi ?');
  bot(c4, '2026-03-30T12:02:03.000Z', q, { language: 'en' });
  for (const kind of ['unbacked_number', 'unknown_product']) {
    sqlite
      .prepare(
        "INSERT INTO guardrail_violations (shop_id, conversation_id, source, kind, detail, fragment, reply, action, created_at) VALUES (?, ?, 'llm', ?, 'd', 'f', 'It costs 12 €', 'regenerated', '2026-03-30T12:00:04.000Z')",
      )
      .run(shopId, c4, kind);
  }

  // C5, the previous period: an order at 23:50 local on the 27th, a "merci" at 23:59 local; the bot's answer lands at 00:00:30 on the 28th.
  const c5 = conversation(shopId, a1, '213550000005@s.whatsapp.net');
  q = customer(c5, '2026-03-26T09:00:00.000Z', 'Salam, lkhatem dhab?');
  bot(c5, '2026-03-26T09:00:30.000Z', q, { intent: 'order_request', language: 'fr', orderAction: 'confirm' });
  order(shopId, c5, q, 'confirmed', '2026-03-27T22:50:00.000Z', [['RING', 'Bague', 1, 2000]]);
  q = customer(c5, '2026-03-27T22:59:00.000Z', 'merci');
  bot(c5, '2026-03-27T23:00:30.000Z', q, { intent: 'thanks', language: 'fr' });

  // Typed in by the seller (no conversation) at 00:15 local on the 28th.
  order(shopId, null, null, 'shipped', '2026-03-27T23:15:00.000Z', [['SAC-1', 'Sac cuir camel', 1, 1000]]);

  // Another shop in the same hours: never counted.
  const other = conversation(otherShopId, account(otherShopId, 'Other'), '213550000009@s.whatsapp.net');
  q = customer(other, '2026-03-29T10:00:00.000Z', 'ch7al?');
  bot(other, '2026-03-29T10:00:01.000Z', q, { intent: 'price_question', skus: ['SAC-1'] });
  order(otherShopId, other, q, 'delivered', '2026-03-29T10:00:01.000Z', [['SAC-1', 'Sac', 1, 77777]]);
}
