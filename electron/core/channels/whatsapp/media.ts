import fs from 'node:fs';
import path from 'node:path';
import { downloadMediaMessage, type SocketConfig, type WAMessage } from '@whiskeysockets/baileys';
import type { Logger } from '../../ports';
import type { MediaRef } from './normalize';
import type { WaSocket } from './socket-types';

/** Streams a message's media; the default wraps Baileys' downloadMediaMessage. */
export type MediaFetcher = (msg: WAMessage, sock: WaSocket) => Promise<AsyncIterable<Uint8Array>>;

export const baileysMediaFetcher =
  (logger: SocketConfig['logger']): MediaFetcher =>
  async (msg, sock) =>
    downloadMediaMessage(
      msg,
      'stream',
      {},
      { logger, reuploadRequest: (m) => (sock.updateMediaMessage ? sock.updateMediaMessage(m) : Promise.resolve(m)) },
    );

const EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'video/mp4': 'mp4',
  'application/pdf': 'pdf',
};

/** A file name from the message id alone: ids come from the network and must not steer the path. */
function mediaFileName(messageId: string, ref: MediaRef): string {
  const safeId = messageId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 80) || 'media';
  const mime = (ref.mimetype ?? '').split(';')[0]?.trim() ?? '';
  const ext = EXT[mime] ?? (ref.kind === 'sticker' ? 'webp' : 'bin');
  return `${safeId}.${ext}`;
}

class MediaTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`Media larger than ${limit} bytes`);
    this.name = 'MediaTooLargeError';
  }
}

/**
 * Downloads media into `<mediaDir>/<accountId>/` and returns the path, or null when it is over
 * the cap or the download fails (the message is still accepted, with its kind and caption).
 * The cap is checked on the declared size first and again while streaming, since the
 * declared size comes from the sender.
 */
export async function saveMedia(opts: {
  msg: WAMessage;
  ref: MediaRef;
  sock: WaSocket;
  fetch: MediaFetcher;
  mediaDir: string;
  accountId: number;
  maxBytes: number;
  logger: Logger;
}): Promise<string | null> {
  const { ref, maxBytes } = opts;
  const id = opts.msg.key.id ?? 'media';
  if (ref.fileLength !== null && ref.fileLength > maxBytes) {
    opts.logger.info({ accountId: opts.accountId, id, size: ref.fileLength }, 'media over the size cap; not downloaded');
    return null;
  }
  const dir = path.join(opts.mediaDir, String(opts.accountId));
  const file = path.join(dir, mediaFileName(id, ref));
  const tmp = `${file}.part`;
  try {
    fs.mkdirSync(dir, { recursive: true });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of await opts.fetch(opts.msg, opts.sock)) {
      size += chunk.length;
      if (size > maxBytes) throw new MediaTooLargeError(maxBytes);
      chunks.push(Buffer.from(chunk));
    }
    fs.writeFileSync(tmp, Buffer.concat(chunks));
    fs.renameSync(tmp, file);
    return file;
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    opts.logger.warn({ accountId: opts.accountId, id, err: err instanceof Error ? err.message : String(err) }, 'media download failed');
    return null;
  }
}
