import type { WritableSqlite } from './handles';

/** Ends the probe's transaction by rolling it back. */
class ProbeDone extends Error {}

/**
 * A write probe for a store whose disk was full: grows the file like a message would (a 64 KiB
 * scratch row of search_index_state, the store's own table), then rolls back, so nothing stays.
 * Throws what SQLite throws while the disk is still full.
 */
export function makeDiskProbe(sqlite: WritableSqlite): () => void {
  const write = sqlite.transaction(() => {
    sqlite.prepare("INSERT INTO search_index_state (name, last_id) VALUES ('~disk-probe', zeroblob(65536))").run();
    throw new ProbeDone();
  });
  return () => {
    try {
      write();
    } catch (err) {
      if (!(err instanceof ProbeDone)) throw err;
    }
  };
}
