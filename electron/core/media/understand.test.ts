import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../ports';
import { DownloadError, downloadImage, eachLimited } from './images/download';
import { productPhoto } from './test-utils/synthetic-photos';
import { makeMediaUnderstanding } from './understand';

/** A fake OpenAI-compatible vision endpoint and an image server, both on 127.0.0.1. */
let server: http.Server;
let base: string;
let dir: string;
const visionRequests: Array<{ auth: string | undefined; body: { model: string; messages: Array<{ content: unknown }> } }> = [];
let visionAnswer = 'sac à main cuir noir';
let inFlight = 0;
let maxInFlight = 0;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-understand-'));
  const big = Buffer.alloc(3_000_000, 1);
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/v1/chat/completions') {
        visionRequests.push({ auth: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as never });
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ choices: [{ message: { content: visionAnswer } }] }));
      } else if (req.url === '/slow.jpg') {
        // never answers: the download's deadline must end it
      } else if (req.url === '/big.jpg') {
        res.writeHead(200, { 'content-type': 'image/jpeg' }).end(big); // no length declared until streamed
      } else if (req.url === '/page.html') {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<html></html>');
      } else if (req.url?.startsWith('/img/')) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          res.writeHead(200, { 'content-type': 'image/jpeg' }).end(Buffer.from('jpeg'));
        }, 30);
      } else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('catalog image downloads', () => {
  const opts = { timeoutMs: 300, maxBytes: 1_000_000, fetch };
  it('gives up at the deadline, over the size cap, on a non-image, a 404 and a non-web address', async () => {
    await expect(downloadImage(`${base}/slow.jpg`, opts)).rejects.toThrow(/timed out/);
    await expect(downloadImage(`${base}/big.jpg`, opts)).rejects.toThrow(/larger than/);
    await expect(downloadImage(`${base}/page.html`, opts)).rejects.toThrow(/not an image/);
    await expect(downloadImage(`${base}/none.jpg`, opts)).rejects.toThrow(/HTTP 404/);
    await expect(downloadImage('file:///etc/passwd', opts)).rejects.toBeInstanceOf(DownloadError);
  });
  it('runs at most the given number of downloads at once', async () => {
    const urls = Array.from({ length: 12 }, (_, i) => `${base}/img/${i}.jpg`);
    const got: Buffer[] = [];
    await eachLimited(urls, 3, async (u) => void got.push(await downloadImage(u, opts)));
    expect(got).toHaveLength(12);
    expect(maxInFlight).toBe(3);
  });
});

describe('media-only turns', () => {
  const photoFile = async () => {
    const file = path.join(dir, `p${Math.random()}.jpg`);
    fs.writeFileSync(file, await productPhoto(9));
    return file;
  };
  const meta = (file: string) => JSON.stringify({ quoted: null, mediaPath: file });

  it('describes an unmatched photo with the vision model (fake server) and asks about it in the customer language', async () => {
    const understand = makeMediaUnderstanding({
      images: { identify: async () => null },
      visionOf: async () => ({ baseUrl: `${base}/v1`, model: 'vision-mini', apiKey: 'sk-test' }),
      logger: silentLogger,
    });
    const text = await understand(1, [{ kind: 'image', meta: meta(await photoFile()) }], 'fr');
    expect(text).toBe("Vous avez sac à main cuir noir ? C'est combien ?");
    const req = visionRequests.at(-1)!;
    expect(req.auth).toBe('Bearer sk-test');
    expect(req.body.model).toBe('vision-mini');
    expect(JSON.stringify(req.body.messages[0]!.content)).toMatch(/data:image\/jpeg;base64,/);
  });

  it('falls back (null) without a vision model, when it sees no product, and for a voice note', async () => {
    const file = await photoFile();
    const offline = makeMediaUnderstanding({ images: { identify: async () => null }, logger: silentLogger });
    expect(await offline(1, [{ kind: 'image', meta: meta(file) }], 'fr')).toBeNull();
    visionAnswer = 'NONE';
    const vision = makeMediaUnderstanding({
      images: { identify: async () => null },
      visionOf: async () => ({ baseUrl: `${base}/v1`, model: 'vision-mini', apiKey: null }),
      logger: silentLogger,
    });
    expect(await vision(1, [{ kind: 'image', meta: meta(file) }], 'fr')).toBeNull();
    expect(await vision(1, [{ kind: 'audio', meta: meta(file) }], 'fr')).toBeNull();
    const down = makeMediaUnderstanding({
      images: { identify: async () => null },
      visionOf: async () => ({ baseUrl: 'http://127.0.0.1:9/v1', model: 'vision-mini', apiKey: null }),
      logger: silentLogger,
    });
    expect(await down(1, [{ kind: 'image', meta: meta(file) }], 'fr')).toBeNull();
  });

  it('a photo the matcher recognises reads as the customer naming the product, before any vision call', async () => {
    const before = visionRequests.length;
    const understand = makeMediaUnderstanding({
      images: {
        identify: async () => ({
          product: { id: 4, name: 'Robe kabyle' } as never,
          match: { productId: 4, distance: 3, runnerUp: 40, confident: true },
        }),
      },
      visionOf: async () => ({ baseUrl: `${base}/v1`, model: 'vision-mini', apiKey: null }),
      logger: silentLogger,
    });
    expect(await understand(1, [{ kind: 'image', meta: meta(await photoFile()) }], 'dz-latn')).toBe('3andkom Robe kabyle? b ch7al?');
    expect(visionRequests.length).toBe(before);
  });
});
