import { z } from 'zod';
import { TranscriptInfo } from './transcription';

/**
 * What the inbox needs to render a message's media: whether a file is stored (served by
 * `GET /media/<messageId>` or `media/read`), its type, a document's name, and a voice note's
 * transcript flag. Derived from the message's meta; the file path itself never leaves core.
 */
export const MessageMedia = z.object({
  stored: z.boolean(),
  mime: z.string().nullable(),
  fileName: z.string().nullable(),
  transcript: TranscriptInfo.nullable(),
});
export type MessageMedia = z.infer<typeof MessageMedia>;

/** Content types by extension: the only types the media route serves (anything else is a download). */
export const MEDIA_TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  ogg: 'audio/ogg',
  opus: 'audio/ogg',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  pdf: 'application/pdf',
};

export const mediaTypeOf = (file: string): string => {
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(file)?.[1]?.toLowerCase() ?? '';
  return MEDIA_TYPES[ext] ?? 'application/octet-stream';
};

const MEDIA_KINDS = new Set(['image', 'audio', 'video', 'document', 'sticker']);

/** The stored file of a message: an inbound download (meta.mediaPath) or a photo the seller sent (meta.media[0].file). */
export function storedMediaPath(meta: Record<string, unknown>): string | null {
  if (typeof meta.mediaPath === 'string' && meta.mediaPath) return meta.mediaPath;
  const first: unknown = Array.isArray(meta.media) ? meta.media[0] : null;
  if (first && typeof first === 'object' && 'file' in first && typeof first.file === 'string' && first.file) return first.file;
  return null;
}

export function parseMessageMeta(meta: string | null | undefined): Record<string, unknown> {
  if (!meta) return {};
  try {
    const parsed: unknown = JSON.parse(meta);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The inbox's view of a message's media, or null for a message without any. */
export function messageMediaOf(kind: string, meta: string | null | undefined): MessageMedia | null {
  if (!MEDIA_KINDS.has(kind)) return null;
  const parsed = parseMessageMeta(meta);
  const file = storedMediaPath(parsed);
  const transcript = TranscriptInfo.safeParse(parsed.transcript);
  return {
    stored: file !== null,
    mime: file ? mediaTypeOf(file) : null,
    fileName: typeof parsed.fileName === 'string' ? parsed.fileName : null,
    transcript: transcript.success ? transcript.data : null,
  };
}
