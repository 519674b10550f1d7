import type SQLite from 'better-sqlite3';

/**
 * The image addresses the shop already sent in one conversation (bot replies and their drafts):
 * the brain's own meta (`media`) on each outgoing row says which catalog address went out.
 */
export function makeSentPhotosRepo(sqlite: SQLite.Database) {
  const rows = sqlite.prepare<[number], { meta: string }>(
    `SELECT meta FROM messages WHERE conversation_id = ? AND direction = 'out' AND meta LIKE '%"media":[{%'`,
  );
  return {
    sentIn(conversationId: number): Set<string> {
      const urls = new Set<string>();
      for (const { meta } of rows.all(conversationId)) {
        try {
          const parsed = JSON.parse(meta) as { media?: Array<{ url?: unknown }> };
          for (const m of parsed.media ?? []) if (typeof m.url === 'string') urls.add(m.url);
        } catch {
          // A row with meta we cannot read showed no photo we know of.
        }
      }
      return urls;
    },
  };
}
