import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';

/** What one erasure removed, for the seller's confirmation and the log (counts only, never content). */
export interface ErasedContact {
  messages: number;
  mediaFiles: number;
  ordersAnonymised: number;
  learnedEntries: number;
}

export interface EraseDeps {
  /** The writable database the customer's rows are deleted from, in one transaction. */
  sqlite: SQLite.Database;
  /** The media folder: only files inside it are deleted. */
  mediaDir: string;
  /** The simulator's raw send log (test phone), rewritten without the contact's lines. */
  rawLogPath?: string;
}

/** Texts at least this long are matched inside learned knowledge (shorter ones, "ok", would match anything). */
const QUOTE_MIN = 12;

/**
 * The one deletion path for a customer's personal data (a customer's request, the retention
 * setting, a profile delete): messages and their search-index entries, the conversation and its
 * brain state, guardrail records of it, per-customer usage, WhatsApp contact rows and sent-message
 * copies, media files, learned knowledge quoting them; orders keep their amounts and items for the
 * books but lose name, phone and address. Deleted pages are zeroed (secure_delete) and the search
 * index merged, so the words are gone from the file, not just unlinked; the WAL is truncated.
 */
export function eraseContact(deps: EraseDeps, shopId: number, contactId: number): ErasedContact | null {
  const { sqlite } = deps;
  const contact = sqlite
    .prepare<[number, number], { jid: string; name: string | null }>('SELECT jid, name FROM contacts WHERE id = ? AND shop_id = ?')
    .get(contactId, shopId);
  if (!contact) return null;
  const previous = sqlite.pragma('secure_delete', { simple: true }) as number;
  sqlite.pragma('secure_delete = ON');
  try {
    const result = sqlite.transaction(() => eraseRows(sqlite, shopId, contactId, contact))();
    const mediaFiles = deleteMedia(deps.mediaDir, result.mediaPaths);
    if (deps.rawLogPath) dropRawLogLines(deps.rawLogPath, contact.jid);
    // Merge the full-text index so the deleted rows' terms leave its segments, then drop the WAL's copies.
    sqlite.prepare("INSERT INTO messages_fts(messages_fts) VALUES ('optimize')").run();
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    return { messages: result.messages, mediaFiles, ordersAnonymised: result.orders, learnedEntries: result.learned };
  } finally {
    sqlite.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
}

function eraseRows(sqlite: SQLite.Database, shopId: number, contactId: number, contact: { jid: string; name: string | null }) {
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
function eraseLearned(sqlite: SQLite.Database, shopId: number, quotes: string[]): number {
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

function deleteMedia(mediaDir: string, paths: string[]): number {
  const root = path.resolve(mediaDir) + path.sep;
  let deleted = 0;
  for (const file of paths) {
    const resolved = path.resolve(file);
    if (!resolved.startsWith(root)) continue; // never outside the media folder
    try {
      fs.rmSync(resolved);
      deleted += 1;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return deleted;
}

function dropRawLogLines(file: string, jid: string): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const kept = text.split('\n').filter((line) => {
    if (!line) return false;
    try {
      return (JSON.parse(line) as { to?: string }).to !== jid;
    } catch {
      return false;
    }
  });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, kept.map((l) => `${l}\n`).join(''), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
