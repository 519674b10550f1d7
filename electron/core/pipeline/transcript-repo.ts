import type { TranscriptInfo } from '../../../shared/domain/transcription';
import type { WritableSqlite } from '../store';

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
  const s = {
    get: sqlite.prepare<[number], VoiceRow>('SELECT id, kind, text, meta FROM messages WHERE id = ?'),
    save: sqlite.prepare<[string, string, number]>(
      `UPDATE messages SET text = ?,
         meta = json_set(CASE WHEN json_valid(meta) THEN CASE json_type(meta) WHEN 'object' THEN meta ELSE '{}' END ELSE '{}' END,
                         '$.transcript', json(?))
       WHERE id = ? AND text = ''`,
    ),
  };
  return {
    message: (id: number): VoiceRow | undefined => s.get.get(id),
    save: (id: number, text: string, info: TranscriptInfo): boolean => s.save.run(text, JSON.stringify(info), id).changes === 1,
  };
}
export type TranscriptRepo = ReturnType<typeof makeTranscriptRepo>;
