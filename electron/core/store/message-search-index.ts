import type SQLite from 'better-sqlite3';

/**
 * Full-text indexing of message text, in batches off the message hot path: a trigger per
 * insert cost as much as the rest of storing a message. Rows above the watermark are indexed
 * by `catchUp` (each batch and its watermark in one transaction, so a crash never indexes a row
 * twice); searches call it first, so they never miss a message.
 */
export function makeMessageSearchIndex(sqlite: SQLite.Database, onError: (err: unknown) => void = () => {}) {
  const watermark = sqlite.prepare<[], { last_id: number }>("SELECT last_id FROM search_index_state WHERE name = 'messages'");
  const index = sqlite.prepare<[number, number]>('INSERT INTO messages_fts (rowid, text) SELECT id, text FROM messages WHERE id > ? ORDER BY id LIMIT ?');
  const maxAfter = sqlite.prepare<[number, number], { id: number | null }>('SELECT max(id) AS id FROM (SELECT id FROM messages WHERE id > ? ORDER BY id LIMIT ?)');
  const advance = sqlite.prepare<[number]>("UPDATE search_index_state SET last_id = ? WHERE name = 'messages'");
  const batch = sqlite.transaction((limit: number): number => {
    const from = watermark.get()?.last_id ?? 0;
    const to = maxAfter.get(from, limit)?.id;
    if (!to) return 0;
    index.run(from, limit);
    advance.run(to);
    return to - from;
  });
  let timer: NodeJS.Timeout | null = null;
  /** Indexes up to `limit` new messages; returns how many ids it moved past (0 = up to date). */
  const catchUp = (limit = 5_000): number => (sqlite.open ? batch(limit) : 0);
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
