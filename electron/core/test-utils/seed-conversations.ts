import type { Store } from '../database';

export interface SeedOptions {
  /** The shop the conversations are seeded into (its test-phone account). */
  shopId: number;
  /** Conversations to seed, each with one contact and one inbound message. */
  count: number;
  /** Time of the oldest conversation's last message; each next one is `stepMs` later. */
  start?: Date;
  /** Gap between two conversations' last messages, in ms. Default 1 min. */
  stepMs?: number;
  /** Name of the i-th contact (0 = oldest activity); a mix of scripts by default. */
  name?: (i: number) => string;
  /** Text of the i-th conversation's one inbound message. */
  text?: (i: number) => string;
}

export interface SeedResult {
  accountId: number;
  /** Conversation ids in seed order: index 0 has the oldest activity (last in the inbox). */
  conversationIds: number[];
  ms: number;
}

const NAMES = ['Amina', 'Yacine', 'سارة', 'Karim', 'Lucas', 'خديجة', 'Inès', 'Rafael'];
const TEXTS = [
  'Salam, 3andkom had l modèle ?',
  'بشحال هاد الصباط؟',
  'Bonjour, livraison à Oran ?',
  'Oi, tem no tamanho M?',
  'Is it still available?',
];

/**
 * Writes `count` conversations (contact + conversation + one inbound message each) straight
 * into SQLite in one transaction: the inbox benchmarks need 10,000 of them in well under a
 * second, which the pipeline is not for. Uses a simulator account of its own.
 */
export function seedConversations(store: Store, opts: SeedOptions): SeedResult {
  const started = performance.now();
  const start = opts.start ?? new Date('2026-01-01T08:00:00Z');
  const step = opts.stepMs ?? 60_000;
  const nameOf = opts.name ?? ((i: number) => `${NAMES[i % NAMES.length]} ${String(i).padStart(5, '0')}`);
  const textOf = opts.text ?? ((i: number) => `${TEXTS[i % TEXTS.length]} #${i}`);
  const db = store.sqlite;
  const createdAt = start.toISOString();

  const insertAccount = db.prepare(
    `INSERT INTO accounts (shop_id, channel, label, phone, status, created_at) VALUES (?, 'simulator', 'Seeded', NULL, 'connected', ?)`,
  );
  const insertContact = db.prepare(`INSERT INTO contacts (shop_id, jid, name, blocked, created_at) VALUES (?, ?, ?, 0, ?)`);
  const insertConversation = db.prepare(
    `INSERT INTO conversations (shop_id, account_id, contact_id, status, takeover, unread, last_message_at, last_preview, last_inbound_at, created_at)
     VALUES (?, ?, ?, 'open', 0, 1, ?, ?, ?, ?)`,
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, channel_message_id, created_at)
     VALUES (?, ?, ?, 'in', 'customer', 'text', ?, 'received', ?, ?)`,
  );

  const run = db.transaction((): SeedResult => {
    const accountId = Number(insertAccount.run(opts.shopId, createdAt).lastInsertRowid);
    const conversationIds: number[] = [];
    for (let i = 0; i < opts.count; i++) {
      const at = new Date(start.getTime() + i * step).toISOString();
      const jid = `${213500000000 + i}@s.whatsapp.net`;
      const text = textOf(i);
      const contactId = Number(insertContact.run(opts.shopId, jid, nameOf(i), createdAt).lastInsertRowid);
      const conversationId = Number(insertConversation.run(opts.shopId, accountId, contactId, at, text, at, createdAt).lastInsertRowid);
      insertMessage.run(opts.shopId, accountId, conversationId, text, `seed-${accountId}-${i}`, at);
      conversationIds.push(conversationId);
    }
    return { accountId, conversationIds, ms: 0 };
  });
  const result = run();
  return { ...result, ms: performance.now() - started };
}

/**
 * A new contact `jid` and its conversation in a shop whose test account has the shop's id (the brain tests' stores
 * seed it that way): the ids a `BrainInput` names.
 */
export function newConversation(store: Store, shopId: number, jid: string): { contactId: number; conversationId: number } {
  const contactId = Number(
    store.sqlite.prepare('INSERT INTO contacts (shop_id, jid, created_at) VALUES (?, ?, ?)').run(shopId, jid, 'now').lastInsertRowid,
  );
  const conversationId = Number(
    store.sqlite
      .prepare('INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (?, ?, ?, ?)')
      .run(shopId, shopId, contactId, 'now').lastInsertRowid,
  );
  return { contactId, conversationId };
}
