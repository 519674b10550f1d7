import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ContractError } from '../../../shared/contract';
import { PHOTO_MAX_BYTES, type PhotoMime } from '../../../shared/contract/inbox-media';
import { mediaTypeOf, parseMessageMeta, storedMediaPath } from '../../../shared/domain/media';
import { NotAnImageError, REPLY_PHOTO_LIMITS, normalizeImage } from '../media/index';

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

/** The bytes really are the type the caller names (a renamed file or a script is refused). */
function looksLike(mime: PhotoMime, bytes: Buffer): boolean {
  if (mime === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (mime === 'image/png') return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
}

/**
 * Stores a photo the seller sends from the reply bar under `<mediaDir>/outgoing/<shopId>/`, named
 * by core (nothing the caller sends takes part in the path), resized with sharp to what WhatsApp
 * sends (REPLY_PHOTO_LIMITS: long side, bytes) as an upright JPEG, and returns the message meta
 * that the dispatcher sends (`url`: Baileys reads a local path) and the inbox serves (`file`).
 */
export async function saveSellerPhoto(
  mediaDir: string,
  shopId: number,
  mime: PhotoMime,
  dataBase64: string,
  caption: string,
): Promise<string> {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length > PHOTO_MAX_BYTES) throw new ContractError('invalid_input', `The photo is larger than ${PHOTO_MAX_BYTES} bytes`);
  if (!looksLike(mime, bytes)) throw new ContractError('invalid_input', `The file is not a ${mime} image`);
  let jpeg: Buffer;
  try {
    jpeg = (await normalizeImage(bytes, REPLY_PHOTO_LIMITS)).jpeg;
  } catch (err) {
    if (err instanceof NotAnImageError) throw new ContractError('invalid_input', `The file is not a ${mime} image Souqbot can read`);
    throw err;
  }
  const dir = path.join(mediaDir, 'outgoing', String(shopId));
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${crypto.randomUUID()}.jpg`);
  fs.writeFileSync(`${file}.part`, jpeg);
  fs.renameSync(`${file}.part`, file);
  return JSON.stringify({ media: [{ kind: 'image', url: file, file, caption }] });
}
