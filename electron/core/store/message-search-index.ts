import type SQLite from 'better-sqlite3';
import { CONTACT_PHONE } from './migrations/0085-contact-search';
import type { WritableSqlite } from './handles';

/** One full-text index fed from a table by id, up to a watermark row in search_index_state. */
function makeWatermarkIndexer(sqlite: SQLite.Database, name: string, insertSql: string, table: string) {
  const watermark = sqlite.prepare<[], { last_id: number }>(`SELECT last_id FROM search_index_state WHERE name = '${name}'`);
  const index = sqlite.prepare<[number, number]>(insertSql);
  const maxAfter = sqlite.prepare<[number, number], { id: number | null }>(
    `SELECT max(id) AS id FROM (SELECT id FROM ${table} WHERE id > ? ORDER BY id LIMIT ?)`,
  );
  const advance = sqlite.prepare<[number]>(`UPDATE search_index_state SET last_id = ? WHERE name = '${name}'`);
  return sqlite.transaction((limit: number): number => {
    const from = watermark.get()?.last_id ?? 0;
    const to = maxAfter.get(from, limit)?.id;
    if (!to) return 0;
    index.run(from, limit);
    advance.run(to);
    return to - from;
  });
}

/**
 * Full-text indexing of message text and contact names, in batches off the message hot
 * path: a trigger per insert cost as much as the rest of storing a message. Rows above each
 * watermark are indexed by `catchUp` (each batch and its watermark in one transaction, so a crash
 * never indexes a row twice); searches call it first, so they never miss a message. A plain
 * function: whatever drives it (this timer, a persistent scheduler) just calls `catchUp`.
 */
export function makeMessageSearchIndex(sqlite: WritableSqlite, onError: (err: unknown) => void = () => {}) {
  const messages = makeWatermarkIndexer(
    sqlite,
    'messages',
    'INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id > ? ORDER BY id LIMIT ?',
    'messages',
  );
  const hasContacts = sqlite.prepare("SELECT 1 FROM search_index_state WHERE name = 'contacts'").get() !== undefined;
  const contacts = hasContacts
    ? makeWatermarkIndexer(
        sqlite,
        'contacts',
        `INSERT INTO contacts_fts (rowid, name, jid) SELECT id, name, ${CONTACT_PHONE} FROM contacts WHERE id > ? ORDER BY id LIMIT ?`,
        'contacts',
      )
    : () => 0;
  let timer: NodeJS.Timeout | null = null;
  /** Indexes up to `limit` new messages and contacts; returns how many ids it moved past (0 = up to date). */
  const catchUp = (limit = 5_000): number => (sqlite.open ? messages(limit) + contacts(limit) : 0);
  /** Index soon, in small batches, without holding the thread for long. */
  const schedule = (delayMs = 250): void => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      // A timer that throws kills the process (a full disk did): report, and catch up next time.
      try {
        if (catchUp(500) > 0) schedule(0);
      } catch (err) {
        onError(err);
      }
    }, delayMs);
    timer.unref();
  };

  return {
    catchUp,
    schedule,
    /** Everything, before a search. */
    catchUpAll(): void {
      while (catchUp(5_000) > 0);
    },
    stop(): void {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
export type MessageSearchIndex = ReturnType<typeof makeMessageSearchIndex>;

/** Merges the message index's segments, so the terms of deleted messages leave the file (a customer's erasure). */
export function optimizeMessageSearch(sqlite: WritableSqlite): void {
  sqlite.prepare("INSERT INTO messages_fts(messages_fts) VALUES ('optimize')").run();
}
