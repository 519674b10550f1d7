import fs from 'node:fs';
import path from 'node:path';
import { mediaTypeOf, parseMessageMeta, storedMediaPath } from '../../../shared/domain/media';

export interface MediaFile {
  file: string;
  type: string;
  size: number;
  /** The name a download is offered under (a document's own name, else one made from the id). */
  downloadName: string;
}

export interface MediaMessageRow {
  id: number;
  shop_id: number;
  meta?: string | null;
}

/** Message ids are decimal row ids, nothing else: they pick a row, never a path. */
export const parseMediaId = (raw: string): number | null => (/^[1-9]\d{0,14}$/.test(raw) ? Number(raw) : null);

/**
 * The file a message's media is stored in, or null. The path comes from the message's own meta
 * (written by core when it downloaded or received the file), and is served only when its real
 * path (symlinks followed) lies inside the data folder's media directory.
 */
export function resolveMessageMedia(mediaDir: string, row: MediaMessageRow | undefined): MediaFile | null {
  if (!row) return null;
  const meta = parseMessageMeta(row.meta);
  const stored = storedMediaPath(meta);
  if (!stored || !path.isAbsolute(stored)) return null;
  let root: string;
  let real: string;
  try {
    root = fs.realpathSync(mediaDir);
    real = fs.realpathSync(stored);
  } catch {
    return null;
  }
  if (!real.startsWith(root + path.sep)) return null;
  const stat = fs.statSync(real);
  if (!stat.isFile()) return null;
  const ext = path.extname(real).toLowerCase();
  const own = typeof meta.fileName === 'string' ? meta.fileName.replace(/[\\/\r\n"]/g, '_').slice(0, 120) : '';
  return { file: real, type: mediaTypeOf(real), size: stat.size, downloadName: own || `souqbot-${row.id}${ext}` };
}
