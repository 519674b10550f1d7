import { sql } from 'kysely';
import type { TranscriptInfo } from '../../../shared/domain/transcription';
import type { Database } from '../database';
import { type WritableSqlite, typedStatements } from '../store';

/** The inbound message a voice note's transcript is read from and written to. */
export interface VoiceRow {
  id: number;
  kind: string;
  text: string;
  meta: string | null;
}

/**
 * A voice note's transcript is stored as the message's text (so the brain's history, the inbox
 * preview and the full-text index — messages_fts_au reindexes on UPDATE OF text — all see it),
 * flagged in meta as transcribed with its language. Only an empty text is replaced: a retried
 * turn never transcribes twice, a caption is never overwritten. The pipeline owns messages, so
 * this write is the pipeline's; media's transcriber calls it. Meta's other keys are kept (a meta
 * that is not a JSON object starts afresh).
 */
export function makeTranscriptRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  const s = {
    get: statements.prepare((db, p: { id: number }) =>
      db.selectFrom('messages').select(['id', 'kind', 'text', 'meta']).where('id', '=', p.id),
    ),
    save: statements.prepare((db, p: { text: string; info: string; id: number }) =>
      db
        .updateTable('messages')
        .set((eb) => ({
          text: p.text,
          // json_set over meta when it is a JSON object, over '{}' otherwise (SQLite's JSON functions, not in kysely).
          meta: sql<string>`json_set(CASE WHEN json_valid(${eb.ref('meta')}) THEN CASE json_type(${eb.ref('meta')}) WHEN 'object' THEN ${eb.ref('meta')} ELSE '{}' END ELSE '{}' END, '$.transcript', json(${p.info}))`,
        }))
        .where('id', '=', p.id)
        .where('text', '=', ''),
    ),
  };
  return {
    message: (id: number): VoiceRow | undefined => s.get.get({ id }),
    save: (id: number, text: string, info: TranscriptInfo): boolean => s.save.run({ text, info: JSON.stringify(info), id }).changes === 1,
  };
}
export type TranscriptRepo = ReturnType<typeof makeTranscriptRepo>;
