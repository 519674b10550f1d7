import type SQLite from 'better-sqlite3';
import type { TranscriptInfo } from '../../../../shared/domain/transcription';

interface VoiceRow {
  id: number;
  kind: string;
  text: string;
  meta: string | null;
}

/** The parts of an inbound message's meta this module reads and writes (others' keys are kept). */
export interface MediaMeta {
  mediaPath?: string | null;
  transcript?: TranscriptInfo;
  [key: string]: unknown;
}

export function parseMeta(meta: string | null): MediaMeta {
  if (!meta) return {};
  try {
    const parsed: unknown = JSON.parse(meta);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as MediaMeta) : {};
  } catch {
    return {};
  }
}

/**
 * A voice note's transcript is stored as the message's text (so the brain's history, the inbox
 * preview and the full-text index — messages_fts_au reindexes on UPDATE OF text — all see it),
 * flagged in meta as transcribed with its language. Only an empty text is replaced: a retried
 * turn never transcribes twice, a caption is never overwritten.
 */
export function makeTranscriptRepo(sqlite: SQLite.Database) {
  const s = {
    get: sqlite.prepare<[number], VoiceRow>('SELECT id, kind, text, meta FROM messages WHERE id = ?'),
    save: sqlite.prepare<[string, string, number]>(`UPDATE messages SET text = ?, meta = ? WHERE id = ? AND text = ''`),
  };
  return {
    message: (id: number): VoiceRow | undefined => s.get.get(id),
    save(id: number, text: string, info: TranscriptInfo): boolean {
      const row = s.get.get(id);
      if (!row) return false;
      const meta = { ...parseMeta(row.meta), transcript: info };
      return s.save.run(text, JSON.stringify(meta), id).changes === 1;
    },
  };
}
export type TranscriptRepo = ReturnType<typeof makeTranscriptRepo>;
