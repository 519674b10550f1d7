import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Core } from '../create-core';
import { parseMediaId, resolveMessageMedia } from '../messages';

export const MEDIA_PREFIX = '/media/';

/** Types a browser may show in the page; anything else is only ever a download. */
const INLINE = /^(image\/(jpeg|png|webp|gif)|audio\/|video\/mp4|application\/pdf)/;

/**
 * `GET /media/<messageId>[?download=1]`: a message's stored image, voice note, video or
 * document, from the data folder. The caller has already checked the token. The id only picks
 * a message row; the path comes from core's own record of the file (messages/media-file.ts).
 */
export function serveMedia(core: Core, req: http.IncomingMessage, res: http.ServerResponse, url: URL): void {
  const notFound = () => {
    res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ ok: false, error: { code: 'not_found', message: 'No such media' } }));
  };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { 'content-type': 'application/json; charset=utf-8', allow: 'GET, HEAD' });
    return void res.end(JSON.stringify({ ok: false, error: { code: 'invalid_input', message: 'Use GET' } }));
  }
  const id = parseMediaId(url.pathname.slice(MEDIA_PREFIX.length));
  if (id === null) return notFound();
  const found = resolveMessageMedia(path.join(core.ctx.dataDir, 'media'), core.ctx.pipeline.store.message(id));
  if (!found) return notFound();
  const inline = INLINE.test(found.type) && url.searchParams.get('download') !== '1';
  // One byte range, so a voice note or a video can be sought in (the players ask for ranges).
  const range = byteRange(req.headers.range, found.size);
  if (range === 'unsatisfiable') {
    res.writeHead(416, { 'content-range': `bytes */${found.size}` });
    return void res.end();
  }
  res.writeHead(range ? 206 : 200, {
    'content-type': found.type,
    'content-length': String(range ? range.end - range.start + 1 : found.size),
    'accept-ranges': 'bytes',
    ...(range && { 'content-range': `bytes ${range.start}-${range.end}/${found.size}` }),
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(found.downloadName)}`,
    'cache-control': 'private, max-age=3600',
    'x-content-type-options': 'nosniff',
    // A served file is data, never a page that runs script with the seller's cookie.
    'content-security-policy': "default-src 'none'; sandbox",
    'referrer-policy': 'no-referrer',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(found.file, range ?? {}).pipe(res);
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` (one range; several are answered whole, as RFC 9110 allows). */
function byteRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const [start, end] =
    match[1] === ''
      ? [Math.max(0, size - Number(match[2])), size - 1]
      : [Number(match[1]), match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)];
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
