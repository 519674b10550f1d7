import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLY_PHOTO_LIMITS } from '../media/index';
import { productPhoto } from '../media/test-utils/synthetic-photos';
import type { Core } from '../create-core';
import { call, makeTempCore } from '../test-utils/temp-core';
import type { Message, Shop } from '../../../shared/domain/schemas';
import { type RunningServer, startHttpServer } from './http-server';

const TOKEN = 'cd'.repeat(24);
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const PDF = Buffer.from('%PDF-1.4\n% a customer document\n');
let core: Core;
let dataDir: string;
let server: RunningServer;
let cleanup: () => Promise<void>;
let shop: Shop;
const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-outside-'));
const ids: Record<'voice' | 'pdf' | 'text' | 'escape' | 'link', number> = { voice: 0, pdf: 0, text: 0, escape: 0, link: 0 };

/** An inbound message as the WhatsApp adapter stores it, with its media at `file`. */
function inbound(kind: 'audio' | 'document' | 'text', file: string | null, extra: { fileName?: string; text?: string } = {}): number {
  const { messageId } = core.ctx.pipeline.sink.acceptNow({
    accountId: core.ctx.testPhone.accountFor(shop.id),
    channelMessageId: `M${Math.random().toString(36).slice(2)}`,
    from: '213550000001@s.whatsapp.net',
    kind,
    text: extra.text ?? '',
    at: new Date().toISOString(),
    mediaPath: file,
    mediaFileName: extra.fileName ?? null,
    contextOnly: true,
  });
  return messageId;
}

beforeAll(async () => {
  ({ core, dataDir, cleanup } = await makeTempCore());
  server = await startHttpServer({ core, token: TOKEN, staticDir: null, port: 0 });
  shop = await call<Shop>(core, 'shops/create', { name: 'Dar Lalla', currency: 'DZD' });
  const media = path.join(dataDir, 'media', '1');
  fs.mkdirSync(media, { recursive: true });
  fs.writeFileSync(path.join(media, 'VOICE1.ogg'), 'OggS-voice');
  fs.writeFileSync(path.join(media, 'DOC1.pdf'), PDF);
  fs.writeFileSync(path.join(outside, 'secret.txt'), 'not yours');
  fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(media, 'LINK.ogg'));
  ids.voice = inbound('audio', path.join(media, 'VOICE1.ogg'));
  ids.pdf = inbound('document', path.join(media, 'DOC1.pdf'), { fileName: 'facture "mars".pdf', text: 'facture.pdf' });
  ids.text = inbound('text', null, { text: 'Salam' });
  // Rows whose stored path points outside the media folder (a tampered row, a symlink): never served.
  ids.escape = inbound('audio', path.join(media, '..', '..', '..', path.basename(outside), 'secret.txt'));
  ids.link = inbound('audio', path.join(media, 'LINK.ogg'));
});
afterAll(async () => {
  await server.close();
  await cleanup();
  fs.rmSync(outside, { recursive: true, force: true });
});

const get = (p: string, headers: Record<string, string> = { authorization: `Bearer ${TOKEN}` }) =>
  fetch(`${server.url}${p.replace(/^\//, '')}`, { headers });

/** A raw request line, so `..` and encoded slashes reach the server as sent (fetch would normalise them). */
function raw(p: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: p, headers: { authorization: `Bearer ${TOKEN}` } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describe('GET /media/<messageId>', () => {
  it('serves a voice note and a document with their content types, only with the token', async () => {
    const voice = await get(`/media/${ids.voice}`);
    expect(voice.status).toBe(200);
    expect(voice.headers.get('content-type')).toBe('audio/ogg');
    expect(voice.headers.get('x-content-type-options')).toBe('nosniff');
    expect(voice.headers.get('content-security-policy')).toContain('sandbox');
    expect(await voice.text()).toBe('OggS-voice');

    const pdf = await get(`/media/${ids.pdf}`);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent('facture _mars_.pdf')}`);
    expect(Buffer.from(await pdf.arrayBuffer()).equals(PDF)).toBe(true);
    const download = await get(`/media/${ids.pdf}?download=1`);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    await download.arrayBuffer();

    expect((await get(`/media/${ids.voice}`, {})).status).toBe(401);
    expect((await get(`/media/${ids.voice}`, { authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await get(`/media/${ids.voice}`, { cookie: 'souq_token=wrong' })).status).toBe(401);
  });

  it('answers a byte range, so players can seek in a voice note', async () => {
    const part = await get(`/media/${ids.voice}`, { authorization: `Bearer ${TOKEN}`, range: 'bytes=4-' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe('bytes 4-9/10');
    expect(await part.text()).toBe('-voice');
    const tail = await get(`/media/${ids.voice}`, { authorization: `Bearer ${TOKEN}`, range: 'bytes=-5' });
    expect(await tail.text()).toBe('voice');
    const beyond = await get(`/media/${ids.voice}`, { authorization: `Bearer ${TOKEN}`, range: 'bytes=50-60' });
    expect(beyond.status).toBe(416);
    await beyond.arrayBuffer();
  });

  it('refuses ids that are not row ids and paths that would leave the media folder', async () => {
    for (const p of [
      '/media/../souqbot.sqlite',
      '/media/..%2Fsouqbot.sqlite',
      '/media/%2e%2e%2fsouqbot.sqlite',
      `/media/${ids.voice}/../../souqbot.sqlite`,
      `/media/${ids.voice}.ogg`,
      '/media/0',
      '/media/-1',
      '/media/1e3',
      '/media/',
    ]) {
      const status = await raw(p);
      expect([400, 404], p).toContain(status);
    }
    expect((await get(`/media/${ids.text}`)).status).toBe(404);
    expect((await get(`/media/${ids.escape}`)).status).toBe(404);
    expect((await get(`/media/${ids.link}`)).status).toBe(404);
    expect((await get('/media/999999')).status).toBe(404);
  });

  it('a photo sent from the reply bar is stored, queued as an image message, and served back', async () => {
    const conversationId = (
      core.ctx.store.sqlite.prepare('SELECT conversation_id AS c FROM messages WHERE id = ?').get(ids.text) as { c: number }
    ).c;
    const sent = await call<Message>(core, 'conversations/reply-photo', {
      shopId: shop.id,
      conversationId,
      mime: 'image/png',
      dataBase64: PNG.toString('base64'),
      caption: 'Voilà',
    });
    // Stored as the upright JPEG WhatsApp sends (resized with sharp), and served as that.
    expect(sent).toMatchObject({ kind: 'image', author: 'seller', text: 'Voilà', media: { stored: true, mime: 'image/jpeg' } });
    const photo = await get(`/media/${sent.id}`);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    const served = Buffer.from(await photo.arrayBuffer());
    expect(await sharp(served).metadata()).toMatchObject({ format: 'jpeg', width: 1, height: 1 });
    // A big phone photo comes out at the reply limits: long side, then bytes on disk (a grainy one
    // steps down until it fits).
    const sendBig = async (image: Buffer) => {
      const sentBig = await call<Message>(core, 'conversations/reply-photo', {
        shopId: shop.id,
        conversationId,
        mime: 'image/jpeg',
        dataBase64: image.toString('base64'),
      });
      const bytes = Buffer.from(await (await get(`/media/${sentBig.id}`)).arrayBuffer());
      const { width, height } = await sharp(bytes).metadata();
      return { side: Math.max(width, height), bytes: bytes.length };
    };
    const smooth = await sharp(await productPhoto(9))
      .resize({ width: 4000 })
      .jpeg({ quality: 90 })
      .toBuffer();
    expect(await sendBig(smooth)).toMatchObject({ side: REPLY_PHOTO_LIMITS.side });
    const grainy = await sharp({
      create: { width: 3200, height: 2400, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 30 } },
    })
      .jpeg({ quality: 75 })
      .toBuffer();
    expect(grainy.length).toBeGreaterThan(2 * REPLY_PHOTO_LIMITS.maxBytes);
    const out = await sendBig(grainy);
    expect(out.side).toBeLessThanOrEqual(REPLY_PHOTO_LIMITS.side);
    expect(out.bytes).toBeLessThanOrEqual(REPLY_PHOTO_LIMITS.maxBytes);
    // Bytes that are not the named type are refused, and nothing is queued.
    const before = core.ctx.store.sqlite.prepare('SELECT COUNT(*) AS n FROM messages').get();
    const bad = await core.app.dispatch('conversations/reply-photo', {
      shopId: shop.id,
      conversationId,
      mime: 'image/jpeg',
      dataBase64: Buffer.from('<script>alert(1)</script>').toString('base64'),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(core.ctx.store.sqlite.prepare('SELECT COUNT(*) AS n FROM messages').get()).toEqual(before);
  });

  it('messages/read-media gives the Electron renderer the same file, in its own shop only', async () => {
    const read = await call<{ mime: string; fileName: string; dataBase64: string }>(core, 'messages/read-media', {
      shopId: shop.id,
      messageId: ids.pdf,
    });
    expect(read.mime).toBe('application/pdf');
    expect(Buffer.from(read.dataBase64, 'base64').equals(PDF)).toBe(true);
    const other = await call<Shop>(core, 'shops/create', { name: 'Autre', currency: 'DZD' });
    expect(await core.app.dispatch('messages/read-media', { shopId: other.id, messageId: ids.pdf })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await core.app.dispatch('messages/read-media', { shopId: shop.id, messageId: ids.link })).toMatchObject({ ok: false });
  });
});
