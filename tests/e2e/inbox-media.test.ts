/// <reference lib="dom" />
// Callbacks passed to page.evaluate/waitForFunction run in the browser: they need DOM types.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FakeTranscriptionServer,
  startFakeTranscriptionServer,
} from '../../electron/core/media/transcribe/test-utils/fake-transcription-server';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { call } from '../../electron/core/test-utils/temp-core';
import type { Core } from '../../electron/core/create-core';
import type { Shop } from '../../shared/domain/schemas';
import { type BrowserSession, type Harness, chromiumAvailable, openApp, screenshot, startBrowserSession } from './harness';

/** Real files a customer could send: a 160×120 photo (made with sharp), a tiny PDF, a WAV second of silence the browser can decode. */
let PNG: Buffer;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
function wav(seconds: number): Buffer {
  const rate = 8000;
  const data = Buffer.alloc(rate * seconds * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const TRANSCRIPT = 'Salam, bghit la robe kabyle f taille M';

/**
 * Issue 16 in the inbox: a customer's voice note (player + transcript), photo and PDF render in
 * the thread, served from the data folder; the seller sends a photo from the reply bar, and the
 * test phone receives it. Then the same thread in Arabic, right to left.
 */
describe.skipIf(!chromiumAvailable())('media in the inbox', { timeout: 90_000 }, () => {
  let session: BrowserSession | undefined;
  let harness: Harness;
  let page: Page;
  let errors: string[];
  let whisper: FakeTranscriptionServer;

  /** An inbound message as the WhatsApp adapter stores it, its file already downloaded into media/. */
  const receive = (core: Core, shopId: number, kind: 'audio' | 'image' | 'document', name: string, bytes: Buffer, text = '') => {
    const file = path.join(core.ctx.dataDir, 'media', '1', name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, bytes);
    core.ctx.pipeline.sink.acceptNow({
      accountId: core.ctx.testPhone.accountFor(shopId),
      channelMessageId: `E2E${name.replace(/\W/g, '')}`,
      from: '213550000007@s.whatsapp.net',
      fromName: 'Amina',
      kind,
      text,
      at: new Date().toISOString(),
      mediaPath: file,
      mediaFileName: kind === 'document' ? 'catalogue-mars.pdf' : null,
      // Only the voice note is answered: the photo and the PDF are earlier context.
      contextOnly: kind !== 'audio',
    });
  };

  beforeAll(async () => {
    PNG = await sharp({ create: { width: 160, height: 120, channels: 3, background: '#b8324a' } })
      .png()
      .toBuffer();
    whisper = await startFakeTranscriptionServer();
    whisper.answer = { text: TRANSCRIPT, language: 'french', duration: 2 };
    session = await startBrowserSession({
      core: { pacing: noPacing, rateLimits: noRateLimits },
      prepare: async (core) => {
        const shop = await call<Shop>(core, 'shops/create', { name: 'Boutique Nour', currency: 'DZD' });
        await call(core, 'settings/update', {
          shopId: shop.id,
          patch: { transcription: { baseUrl: whisper.baseUrl, model: 'whisper-1' } },
        });
        receive(core, shop.id, 'image', 'PHOTO1.png', PNG, 'had l model');
        receive(core, shop.id, 'document', 'DOC1.pdf', PDF, 'catalogue-mars.pdf');
        receive(core, shop.id, 'audio', 'VOICE1.wav', wav(1));
        await core.ctx.pipeline.drain();
      },
      context: { viewport: { width: 1440, height: 860 }, locale: 'fr-FR' },
      timeoutMs: 10_000,
    });
    ({ harness, page, errors } = session);
    await openApp(page, harness);
  });
  afterAll(async () => {
    await session?.close();
    await whisper?.close();
  });

  const thread = '[data-testid="thread"]';

  it('shows the voice note with its player and transcript, the photo and the PDF, reached from the navigation', async () => {
    await page.click('[data-testid="nav-inbox"]');
    await page.locator('[data-testid="conversation-row"]').first().click();
    await page.waitForSelector(`${thread} [data-testid="media-audio"]`);

    // The voice note: a player that loaded the served file, the transcript under it, flagged with its language.
    const audioReady = await page.waitForFunction(
      () => {
        const audio = document.querySelector<HTMLAudioElement>('[data-testid="media-audio"]');
        return audio && audio.readyState >= 1 ? audio.duration : null;
      },
      undefined,
      { timeout: 10_000 },
    );
    expect(await audioReady.jsonValue()).toBeGreaterThan(0.5);
    expect(await page.textContent(`${thread} [data-testid="media-transcript"]`)).toBe(TRANSCRIPT);
    expect(await page.textContent(`${thread} [data-testid="media-transcript-label"]`)).toBe('Message vocal, transcrit (français)');
    // The player comes before the words, in the same bubble.
    const order = await page.evaluate(() => {
      const audio = document.querySelector('[data-testid="media-audio"]')!;
      const words = document.querySelector('[data-testid="media-transcript"]')!;
      return audio.closest('li') === words.closest('li') && audio.compareDocumentPosition(words) === Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBe(true);
    // The bot answered the words, not with "I'll pass it to the seller".
    await page.waitForSelector(`${thread} [data-testid="message"][data-author="bot"]`);
    expect(await page.locator(`${thread} [data-testid="escalation"]`).count()).toBe(0);

    // The photo, decoded by the browser from GET /media/<id>.
    const photoWidth = await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="media-image"] img');
      return img && img.complete && img.naturalWidth > 0 ? img.naturalWidth : null;
    });
    expect(await photoWidth.jsonValue()).toBe(160);

    // The PDF: its own name, open and download links that serve it as a PDF.
    const doc = page.locator(`${thread} [data-testid="media-document"]`);
    expect(await doc.textContent()).toContain('catalogue-mars.pdf');
    const served = await page.evaluate(
      async (href) => {
        const res = await fetch(href);
        return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') };
      },
      (await doc.locator('[data-testid="media-download"]').getAttribute('href'))!,
    );
    expect(served).toEqual({ status: 200, type: 'application/pdf', disposition: "attachment; filename*=UTF-8''catalogue-mars.pdf" });
    await screenshot(page, 'inbox-media-fr');
  });

  it('sends a photo from the reply bar with the typed caption; the test phone receives it', async () => {
    await page.fill('[data-testid="reply-input"]', 'Voilà la robe en M');
    await page.setInputFiles('[data-testid="reply-photo-input"]', { name: 'robe.png', mimeType: 'image/png', buffer: PNG });
    const sent = page.locator(`${thread} [data-testid="message"][data-author="seller"]`);
    await sent.locator('[data-testid="media-image"] img').waitFor();
    expect(await sent.locator('.bubble-text').textContent()).toBe('Voilà la robe en M');
    expect(await page.inputValue('[data-testid="reply-input"]')).toBe('');
    // Through the outbox to the simulator channel: the customer's phone got an image message with that caption.
    await harness.core.ctx.pipeline.drain();
    const phone = await call<{ direction: string; text: string }[]>(harness.core, 'testphone/get-thread', {
      shopId: 1,
      from: '+213550000007',
    });
    expect(phone.some((m) => m.direction === 'in' && m.text.startsWith('Voilà la robe en M\n[image: '))).toBe(true);
    // A file that is not a photo is refused before anything is sent.
    await page.setInputFiles('[data-testid="reply-photo-input"]', { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
    await page.waitForSelector('[data-testid="photo-problem"]');
    expect(await sent.count()).toBe(1);
  });

  it('in Arabic the thread runs right to left: customer media on the right, the label in Arabic', async () => {
    await page.selectOption('[data-testid="language-picker"]', 'ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.waitForSelector(`${thread} [data-testid="media-transcript-label"]`);
    expect(await page.textContent(`${thread} [data-testid="media-transcript-label"]`)).toBe('رسالة صوتية، مكتوبة نصًّا (الفرنسية)');
    const sides = await page.evaluate(() => {
      const box = (sel: string) => document.querySelector(sel)!.getBoundingClientRect();
      const pane = box('[data-testid="thread"] .messages');
      const customer = box('[data-testid="media-audio"]');
      const seller = document.querySelector('[data-author="seller"] [data-testid="media-image"]')!.getBoundingClientRect();
      return {
        customerRight: pane.right - customer.right,
        sellerLeft: seller.left - pane.left,
        mid: pane.left + pane.width / 2,
        customerMid: (customer.left + customer.right) / 2,
      };
    });
    // The customer's bubble starts at the right edge (the start side in RTL), the seller's at the left.
    expect(sides.customerMid).toBeGreaterThan(sides.mid);
    expect(sides.customerRight).toBeLessThan(80);
    expect(sides.sellerLeft).toBeLessThan(80);
    await screenshot(page, 'inbox-media-ar');
    expect(errors).toEqual([]);
  });

  it('the voice-notes section of the sales settings picks a preset, keeps the key write-only and saves the minutes cap', async () => {
    await page.click('[data-testid="nav-sales-settings"]');
    const section = page.locator('[data-testid="voice-settings"]');
    await section.waitFor();
    expect(await section.locator('legend').textContent()).toBe('الرسائل الصوتية (اختياري)');
    await page.selectOption('#voice-preset', 'groq');
    expect(await page.inputValue('#voice-base-url')).toBe('https://api.groq.com/openai/v1');
    expect(await page.inputValue('#voice-model')).toBe('whisper-large-v3-turbo');
    await page.fill('#voice-key', 'gsk_test_key');
    await page.fill('#voice-cap', '12');
    await page.click('.settings-actions button[type="submit"]');
    await page.waitForFunction(() => !(document.querySelector<HTMLInputElement>('#voice-key')?.value ?? 'x'));
    const saved = await call<{ transcription: Record<string, unknown> }>(harness.core, 'settings/get', { shopId: 1 });
    expect(saved.transcription).toMatchObject({ preset: 'groq', dailyMinutesCap: 12, apiKeySet: true });
    expect(await harness.core.ctx.secrets.get('shop-1-transcription-api-key')).toBe('gsk_test_key');
    expect(await page.content()).not.toContain('gsk_test_key');
    expect(errors).toEqual([]);
  });
});
