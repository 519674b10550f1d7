import type { Database } from '../../database';
import { type ReadableSqlite, typedStatements } from '../../store';

/**
 * The image addresses the shop already sent in one conversation (bot replies and their drafts):
 * the brain's own meta (`media`) on each outgoing row says which catalog address went out.
 */
export function makeSentPhotosRepo(sqlite: ReadableSqlite) {
  const rows = typedStatements<Database>(sqlite).prepare(
    (db, p: { conversationId: number }) =>
      db
        .selectFrom('messages')
        .select('meta')
        .where('conversation_id', '=', p.conversationId)
        .where('direction', '=', 'out')
        .where('meta', 'like', '%"media":[{%')
        .$narrowType<{ meta: string }>(), // LIKE matched: never null
  );
  return {
    sentIn(conversationId: number): Set<string> {
      const urls = new Set<string>();
      for (const { meta } of rows.all({ conversationId })) {
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
