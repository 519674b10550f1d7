import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRawLog } from '../channels/simulator/simulator-channel';
import { type Core, createCore } from '../create-core';
import { noPacing, noRateLimits } from '../pipeline/policies';
import { CATALOG_IMAGE_MAX_BYTES, CATALOG_IMAGE_SIDE } from './images/normalize';
import { productPhoto, screenshotOf } from './test-utils/synthetic-photos';

/**
 * Catalog photos end to end on a real core (offline brain, test phone): images downloaded once from
 * the export's URLs (a local HTTP server on 127.0.0.1 stands in for the shop's CDN), resized into
 * the data folder, sent as image messages with a caption when asked, an honest answer when a
 * product has none, and a customer's screenshot of a product answered as if they had named it.
 */
let core: Core;
let dataDir: string;
let server: http.Server;
let base: string;
let shopId: number;
const hits = new Map<string, number>();
const photos = new Map<string, Buffer>();
/** The model named by each request the fake vision endpoint received. */
const visionModels: string[] = [];

const PRODUCTS = [
  ['SAC-1', 'Sac cabas cuir', 6500],
  ['ROBE-1', 'Robe kabyle brodée', 9000],
  ['JEB-1', 'Jebba satin', 7200],
  ['BAB-1', 'Babouches daim', 3500],
  ['FOU-1', 'Foulard soie', 2500],
  ['CEIN-1', 'Ceinture tressée', 1800],
] as const;

beforeAll(async () => {
  for (const [i, [sku]] of PRODUCTS.entries()) photos.set(`/img/${sku}.jpg`, await productPhoto(i + 1));
  // A big one: a 4000 px PNG that must come out resized and under the cap.
  photos.set(
    '/img/BIG.png',
    await sharp(await productPhoto(77))
      .resize({ width: 4000 })
      .png()
      .toBuffer(),
  );
  server = http.createServer((req, res) => {
    const url = req.url ?? '';
    // The shop's OpenAI-compatible endpoint, for its vision model: names what the photo shows.
    if (req.method === 'POST' && url === '/v1/chat/completions') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        visionModels.push((JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string }).model);
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ choices: [{ message: { content: 'foulard soie' } }] }));
      });
      return;
    }
    hits.set(url, (hits.get(url) ?? 0) + 1);
    const body = photos.get(url);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': url.endsWith('.png') ? 'image/png' : 'image/jpeg', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-photos-'));
  core = await createCore({ dataDir, pacing: noPacing, rateLimits: noRateLimits, simulator: { fsync: false, receipts: false } });
  shopId = (await call<{ id: number }>('shops/create', { name: 'Boutique Tizi', currency: 'DZD' })).id;
}, 60_000);
afterAll(async () => {
  await core.close();
  server.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function call<T>(name: string, input: unknown): Promise<T> {
  const envelope = await core.app.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}

const csv = () =>
  [
    'sku,name,price,stock,images',
    ...PRODUCTS.map(([sku, name, price]) => `${sku},${name},${price},5,${base}/img/${sku}.jpg`),
    `GRD-1,Grand tapis berbère,30000,2,${base}/img/BIG.png`,
    `DEAD-1,Coussin brodé,2000,4,${base}/img/gone.jpg`,
    'NONE-1,Plateau cuivre,4000,3,',
  ].join('\n');

const stored = () =>
  core.ctx.store.sqlite
    .prepare(`SELECT source_url AS url, file, error FROM catalog_images WHERE shop_id = ? ORDER BY id`)
    .all(shopId) as Array<{
    url: string;
    file: string | null;
    error: string | null;
  }>;

async function until<T>(what: string, probe: () => T | null | undefined | false, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 30));
  }
}

const rawLog = () => readRawLog(path.join(dataDir, 'simulator', 'raw-send-log.jsonl'));

/** A customer message on the test phone and the shop's next bubble to that number. */
async function ask(from: string, text: string) {
  const before = rawLog().length;
  await call('testphone/send', { shopId, from, text });
  return until(`a reply to "${text}"`, () =>
    rawLog()
      .slice(before)
      .find((a) => a.to.startsWith(from.replace(/\D/g, ''))),
  );
}

describe('catalog photos', () => {
  it('downloads each export URL once into the data folder, resized and size-capped; a dead URL is not fetched again', async () => {
    await call('catalog/commit-import', { shopId, csv: csv() });
    await until('the downloads', () => stored().length === PRODUCTS.length + 2);
    const rows = stored();
    expect(rows.filter((r) => r.file).map((r) => r.url)).toHaveLength(PRODUCTS.length + 1);
    expect(rows.find((r) => r.url.endsWith('gone.jpg'))).toMatchObject({ file: null, error: 'HTTP 404' });
    for (const r of rows.filter((x) => x.file)) {
      const file = path.join(dataDir, 'catalog-images', String(shopId), r.file!);
      const meta = await sharp(file).metadata();
      expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(CATALOG_IMAGE_SIDE);
      expect(fs.statSync(file).size).toBeLessThanOrEqual(CATALOG_IMAGE_MAX_BYTES);
    }
    // A second import of the same file downloads nothing again.
    await call('catalog/commit-import', { shopId, csv: csv() });
    await new Promise((r) => setTimeout(r, 300));
    for (const url of [...photos.keys(), '/img/gone.jpg']) expect(hits.get(url), url).toBe(1);
  }, 60_000);

  it('sends the stored photo as an image with name and price when a customer asks, in their language', async () => {
    for (const [from, text] of [
      ['+213550000101', 'Vous pouvez m’envoyer une photo du sac cabas cuir ?'],
      ['+213550000102', 'sawerli sac cabas cuir'],
      ['+213550000103', 'can you send me a picture of the sac cabas cuir?'],
    ] as const) {
      const sent = await ask(from, text);
      expect(sent.media, text).not.toBeNull();
      expect(sent.media!.url.startsWith(path.join(dataDir, 'catalog-images'))).toBe(true);
      expect(fs.existsSync(sent.media!.url)).toBe(true);
      expect(sent.media!.caption).toMatch(/Sac cabas cuir/);
      expect(sent.media!.caption).toMatch(/6[\s.,  ]?500/);
    }
  }, 60_000);

  it('the sales closer shows the product it presents with its photo (name, price), once per conversation; no photo, no claim', async () => {
    const first = await ask('+213550000110', 'combien le foulard soie ?');
    expect(first.text).toMatch(/Foulard soie/);
    expect(first.media).not.toBeNull();
    expect(first.media!.url.startsWith(path.join(dataDir, 'catalog-images'))).toBe(true);
    expect(first.media!.caption).toMatch(/^Foulard soie – 2[\s.,  ]?500/);
    // The second time the same product comes up in the chat, the text goes alone.
    const again = await ask('+213550000110', 'et le foulard soie, il est toujours disponible ?');
    expect(again.text).toMatch(/Foulard soie/i);
    expect(again.media).toBeNull();
    // A product without a photo, or whose photo link is dead, is presented in words only.
    for (const [from, text, name] of [
      ['+213550000111', 'combien le plateau cuivre ?', /Plateau cuivre/],
      ['+213550000112', 'combien le coussin brodé ?', /Coussin brodé/],
    ] as const) {
      const sent = await ask(from, text);
      expect(sent.text, text).toMatch(name);
      expect(sent.media, text).toBeNull();
      expect(sent.text, text).not.toMatch(/photo|image/i);
    }
  }, 60_000);

  it('says honestly that there is no photo yet and tells the seller, when the product has none', async () => {
    const sent = await ask('+213550000104', 'photo du plateau cuivre svp');
    expect(sent.media).toBeNull();
    expect(sent.text).toMatch(/pas de photo/i);
    const conv = core.ctx.store.sqlite
      .prepare(`SELECT escalation_reason AS reason FROM conversations WHERE shop_id = ? ORDER BY id DESC LIMIT 1`)
      .get(shopId) as { reason: string };
    expect(conv.reason).toMatch(/photo_missing/);
  }, 60_000);

  it('answers a screenshot of a catalog product as if the customer had named it; an unknown photo gets the hand-over', async () => {
    const accountId = core.ctx.testPhone.accountFor(shopId);
    const send = async (from: string, image: Buffer, id: string) => {
      const file = path.join(dataDir, 'media', `${id}.jpg`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, image);
      const before = rawLog().length;
      await core.ctx.pipeline.sink.accept({
        accountId,
        channelMessageId: id,
        from: `${from.replace(/\D/g, '')}@s.whatsapp.net`,
        kind: 'image',
        text: '',
        at: new Date().toISOString(),
        mediaPath: file,
      });
      return until('the reply to a photo', () =>
        rawLog()
          .slice(before)
          .find((a) => a.to.startsWith(from.replace(/\D/g, ''))),
      );
    };
    const shot = await screenshotOf(photos.get('/img/ROBE-1.jpg')!, { seed: 3, chrome: true, screenWidth: 720, quality: 60 });
    const matched = await send('+213550000105', shot, 'PHOTO1');
    expect(matched.text).toMatch(/Robe kabyle brodée/);
    expect(matched.text).toMatch(/9[\s.,  ]?000/);
    const unknown = await send('+213550000106', await screenshotOf(await productPhoto(5000), { seed: 4, chrome: true }), 'PHOTO2');
    expect(unknown.text).not.toMatch(/Robe|Sac|Jebba|Babouches|Foulard|Ceinture|tapis/);
    const conv = core.ctx.store.sqlite
      .prepare(`SELECT escalation_reason AS reason FROM conversations WHERE shop_id = ? ORDER BY id DESC LIMIT 1`)
      .get(shopId) as { reason: string };
    expect(conv.reason).toMatch(/photo_received/);
  }, 60_000);

  it('uses the vision model set in Sales settings for a photo the matcher does not know, and none once it is cleared', async () => {
    const accountId = core.ctx.testPhone.accountFor(shopId);
    const sendPhoto = async (from: string, id: string) => {
      const file = path.join(dataDir, 'media', `${id}.jpg`);
      fs.writeFileSync(file, await screenshotOf(await productPhoto(6000 + id.length), { seed: 5, chrome: true }));
      const before = rawLog().length;
      await core.ctx.pipeline.sink.accept({
        accountId,
        channelMessageId: id,
        from: `${from.replace(/\D/g, '')}@s.whatsapp.net`,
        kind: 'image',
        text: '',
        at: new Date().toISOString(),
        mediaPath: file,
      });
      return until('the reply to a photo', () =>
        rawLog()
          .slice(before)
          .find((a) => a.to.startsWith(from.replace(/\D/g, ''))),
      );
    };
    await call('settings/update', { shopId, patch: { llm: { baseUrl: `${base}/v1`, visionModel: 'vision-test-1' } } });
    const described = await sendPhoto('+213550000120', 'VISION1');
    expect(visionModels).toEqual(['vision-test-1']);
    expect(described.text).toMatch(/Foulard soie/);
    expect(described.text).toMatch(/2[\s.,  ]?500/);
    await call('settings/update', { shopId, patch: { llm: { visionModel: '' } } });
    const handedOver = await sendPhoto('+213550000121', 'VISION22');
    expect(visionModels).toEqual(['vision-test-1']);
    expect(handedOver.text).not.toMatch(/Foulard/);
  }, 60_000);

  it('takes a picked file as the product image (catalog/set-product-image), shows its thumbnail and sends it', async () => {
    const list = await call<{ items: Array<{ id: number; sku: string }> }>('catalog/list', { shopId, query: 'Plateau cuivre' });
    const productId = list.items.find((p) => p.sku === 'NONE-1')!.id;
    expect(await call('catalog/get-product-image', { shopId, productId })).toEqual({ dataUrl: null });
    // A big photo picked from disk (a 3600 px PNG) is stored resized and size-capped like a download.
    const picked = await sharp(await productPhoto(42))
      .resize({ width: 3600 })
      .png()
      .toBuffer();
    const updated = await call<{ images: string[] }>('catalog/set-product-image', {
      shopId,
      productId,
      imageBase64: picked.toString('base64'),
    });
    expect(updated.images[0]).toMatch(/^souq-image:[0-9a-f]{32}\.jpg$/);
    const file = path.join(dataDir, 'catalog-images', String(shopId), updated.images[0]!.replace('souq-image:', ''));
    const meta = await sharp(file).metadata();
    expect(Math.max(meta.width, meta.height)).toBe(CATALOG_IMAGE_SIDE);
    expect(fs.statSync(file).size).toBeLessThanOrEqual(CATALOG_IMAGE_MAX_BYTES);
    const thumb = await call<{ dataUrl: string }>('catalog/get-product-image', { shopId, productId });
    expect(thumb.dataUrl).toMatch(/^data:image\/jpeg;base64,/);
    const sent = await ask('+213550000107', 'photo du plateau cuivre svp');
    expect(sent.media?.url.startsWith(path.join(dataDir, 'catalog-images'))).toBe(true);
    expect(sent.media?.caption).toMatch(/Plateau cuivre/);
    const bad = await core.app.dispatch('catalog/set-product-image', {
      shopId,
      productId,
      imageBase64: Buffer.from('not an image at all').toString('base64'),
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  }, 60_000);
});
