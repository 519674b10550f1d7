import type { WritableSqlite } from '../store';

/** Texts at least this long are matched inside learned knowledge (shorter ones, "ok", would match anything). */
const QUOTE_MIN = 12;

/**
 * The statements of one customer's erasure (erase-contact.ts runs them in order): raw better-sqlite3 on the store's
 * writer, because the erasure toggles SQLite's secure_delete and merges FTS5 indexes, which kysely does not speak.
 */
export function makeEraseContactRepo(sqlite: WritableSqlite) {
  return {
    contact: (shopId: number, contactId: number) =>
      sqlite
        .prepare<[number, number], { jid: string; name: string | null }>('SELECT jid, name FROM contacts WHERE id = ? AND shop_id = ?')
        .get(contactId, shopId),
    /** Runs `erase` with deleted pages zeroed (secure_delete), then puts the previous setting back. */
    withSecureDelete<T>(erase: () => T): T {
      const previous = sqlite.pragma('secure_delete', { simple: true }) as number;
      sqlite.pragma('secure_delete = ON');
      try {
        return erase();
      } finally {
        sqlite.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
      }
    },
    /** Every row of the customer, in one transaction. */
    eraseRows: (shopId: number, contactId: number, contact: { jid: string; name: string | null }) =>
      sqlite.transaction(() => eraseRows(sqlite, shopId, contactId, contact))(),
    /** Merges the full-text index so the deleted rows' terms leave its segments, then drops the WAL's copies. */
    purgeFreedText() {
      sqlite.prepare("INSERT INTO messages_fts(messages_fts) VALUES ('optimize')").run();
      sqlite.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}

function eraseRows(sqlite: WritableSqlite, shopId: number, contactId: number, contact: { jid: string; name: string | null }) {
  const conversations = sqlite
    .prepare<[number], { id: number; account_id: number }>('SELECT id, account_id FROM conversations WHERE contact_id = ?')
    .all(contactId);
  const ids = conversations.map((c) => c.id);
  const inList = `(${ids.map(() => '?').join(',') || 'NULL'})`;
  const messages = sqlite.prepare(`SELECT id, text, meta FROM messages WHERE conversation_id IN ${inList}`).all(...ids) as {
    id: number;
    text: string;
    meta: string | null;
  }[];
  const mediaPaths = messages.flatMap((m) => {
    const meta = m.meta ? (JSON.parse(m.meta) as { mediaPath?: string | null }) : {};
    return meta.mediaPath ? [meta.mediaPath] : [];
  });
  const customerTexts = messages.map((m) => m.text.trim()).filter((t) => t.length >= QUOTE_MIN);
  const learned = eraseLearned(
    sqlite,
    shopId,
    [...customerTexts, contact.jid.split('@')[0] ?? '', contact.name ?? ''].filter((t) => t.length >= 6),
  );

  const orders = sqlite
    .prepare(
      `UPDATE orders SET customer_name = '', phone = '', commune = '', address = '', created_from_message_id = NULL, contact_id = NULL, conversation_id = NULL
       WHERE shop_id = ? AND (contact_id = ? OR conversation_id IN ${inList})`,
    )
    .run(shopId, contactId, ...ids).changes;
  sqlite.prepare(`DELETE FROM guardrail_violations WHERE conversation_id IN ${inList}`).run(...ids);
  // Queue, outbox and brain state go with their messages and conversations (ON DELETE CASCADE); the
  // search index's delete trigger removes each indexed message.
  sqlite.prepare(`DELETE FROM messages WHERE conversation_id IN ${inList}`).run(...ids);
  sqlite.prepare(`DELETE FROM conversations WHERE id IN ${inList}`).run(...ids);
  sqlite.prepare('DELETE FROM llm_contact_usage WHERE shop_id = ? AND contact_id = ?').run(shopId, contactId);
  for (const accountId of new Set(conversations.map((c) => c.account_id))) {
    sqlite.prepare('DELETE FROM wa_contacts WHERE account_id = ? AND jid = ?').run(accountId, contact.jid);
    sqlite.prepare('DELETE FROM wa_sent WHERE account_id = ? AND remote_jid = ?').run(accountId, contact.jid);
    // The seller's "never answer this number" stays (or the bot would start answering them); the name goes.
    sqlite.prepare('UPDATE wa_excluded SET name = NULL WHERE account_id = ? AND jid = ?').run(accountId, contact.jid);
  }
  sqlite.prepare('DELETE FROM contacts WHERE id = ?').run(contactId);
  return { messages: messages.length, mediaPaths, orders, learned };
}

/** Learned (not seller-written) knowledge whose question or answer quotes the customer. */
function eraseLearned(sqlite: WritableSqlite, shopId: number, quotes: string[]): number {
  if (quotes.length === 0) return 0;
  const rows = sqlite
    .prepare<[number], { id: number; question: string; answer: string }>(
      "SELECT id, question, answer FROM knowledge WHERE shop_id = ? AND source = 'learned'",
    )
    .all(shopId);
  const quoting = rows.filter((r) => quotes.some((q) => r.question.includes(q) || r.answer.includes(q)));
  for (const row of quoting) {
    sqlite.prepare('DELETE FROM knowledge_tri WHERE rowid = ?').run(row.id);
    sqlite.prepare('DELETE FROM knowledge_words WHERE rowid = ?').run(row.id);
    sqlite.prepare('DELETE FROM knowledge WHERE id = ?').run(row.id);
  }
  if (quoting.length > 0) {
    sqlite.prepare("INSERT INTO knowledge_tri(knowledge_tri) VALUES ('optimize')").run();
    sqlite.prepare("INSERT INTO knowledge_words(knowledge_words) VALUES ('optimize')").run();
  }
  return quoting.length;
}
