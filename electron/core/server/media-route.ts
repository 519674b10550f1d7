import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Core } from '../create-core';
import { parseMediaId, resolveMessageMedia } from '../inbox/index';

export const MEDIA_PREFIX = '/media/';

/** Types a browser may show in the page; anything else is only ever a download. */
const INLINE = /^(image\/(jpeg|png|webp|gif)|audio\/|video\/mp4|application\/pdf)/;

/**
 * `GET /media/<messageId>[?download=1]`: a message's stored image, voice note, video or
 * document, from the data folder. The caller has already checked the token. The id only picks
 * a message row; the path comes from core's own record of the file (inbox/media-file.ts).
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
  res.writeHead(200, {
    'content-type': found.type,
    'content-length': String(found.size),
    'content-disposition': `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(found.downloadName)}`,
    'cache-control': 'private, max-age=3600',
    'x-content-type-options': 'nosniff',
    // A served file is data, never a page that runs script with the seller's cookie.
    'content-security-policy': "default-src 'none'; sandbox",
    'referrer-policy': 'no-referrer',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(found.file).pipe(res);
}
