import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../electron/core/channels/whatsapp/test-utils/standin';
import type { MediaFetcher } from '../../electron/core/channels/whatsapp/media';
import {
  type FakeTranscriptionServer,
  startFakeTranscriptionServer,
} from '../../electron/core/media/transcribe/test-utils/fake-transcription-server';
import { call } from '../../electron/core/test-utils/temp-core';
import type { Conversation, Shop } from '../../shared/domain/schemas';
import { trustStandin } from './harness';
import { createShop, linkThroughApp, startApp, until, type AppUnderTest } from './app-harness';

type ConversationPage = { items: Conversation[] };

const SELLER = '213550000030';
/** What the customer's phone recorded: an Ogg/Opus voice note (content does not matter to the fake server). */
const VOICE = Buffer.concat([Buffer.from('OggS\0\x02'), Buffer.alloc(6_000, 3)]);

/**
 * Baileys downloads media over HTTPS from WhatsApp's CDN, which the loopback stand-in does not
 * serve: the download is the one part replaced, by a fetcher that yields the note's bytes (the
 * socket double for media); the message itself arrives over the stand-in, Signal-encrypted.
 */
const voiceFetcher: MediaFetcher = async () =>
  (async function* () {
    yield VOICE;
  })();

/** A WhatsApp voice note as the customer's app builds it (ptt: push-to-talk). */
const audioMessage = {
  audioMessage: {
    url: 'https://mmg.whatsapp.net/v/t62.7117-24/voice.enc',
    mimetype: 'audio/ogg; codecs=opus',
    fileLength: VOICE.length,
    seconds: 4,
    ptt: true,
    mediaKey: Buffer.alloc(32, 1),
    fileSha256: Buffer.alloc(32, 2),
    fileEncSha256: Buffer.alloc(32, 3),
    directPath: '/v/t62.7117-24/voice.enc',
  },
};

interface Row {
  id: number;
  direction: string;
  kind: string;
  text: string;
  meta: string | null;
}

describe('a voice note over WhatsApp, transcribed and answered', () => {
  let standin: Standin;
  let app: AppUnderTest;
  let whisper: FakeTranscriptionServer;
  let shop: Shop;

  beforeAll(async () => {
    whisper = await startFakeTranscriptionServer();
  });
  afterAll(() => whisper.close());
  beforeEach(async () => {
    whisper.requests.length = 0;
    standin = await startStandin();
    trustStandin(standin);
    // The real sales brain (offline: retrieval over the catalog), not the test default.
    app = await startApp(standin, undefined, {}, { brain: undefined, whatsapp: { mediaFetcher: voiceFetcher } });
    shop = await createShop(app);
    await call(app.core, 'catalog/create-product', {
      shopId: shop.id,
      sku: 'DZ-DR-002',
      name: 'Robe kabyle traditionnelle',
      aliases: ['jebba', 'robe kabyle'],
      price: 9800,
      stock: 12,
    });
    await call(app.core, 'catalog/create-product', { shopId: shop.id, sku: 'DZ-BG-001', name: 'Sac en cuir noir', price: 4500, stock: 5 });
    await linkThroughApp(app, standin, shop.id, SELLER);
  });
  afterEach(async () => {
    await app.cleanup();
    await standin.close();
  });

  const rows = (): Row[] =>
    app.core.ctx.store.sqlite.prepare('SELECT id, direction, kind, text, meta FROM messages ORDER BY id').all() as Row[];
  const transcription = (patch: Record<string, unknown>) =>
    call(app.core, 'settings/update', {
      shopId: shop.id,
      patch: { transcription: { baseUrl: whisper.baseUrl, model: 'whisper-1', ...patch } },
    });

  it('the transcript is the brain input, the reply is about the product named in it, and the transcript is searchable', async () => {
    await transcription({});
    whisper.answer = { text: "Bonjour, c'est combien la robe kabyle traditionnelle ?", language: 'french', duration: 4.1 };
    const customer = standin.customer('213660000031');
    await standin.relay.customerSends(customer, SELLER, audioMessage, 'Amina');
    await until(() => customer.chat(SELLER).some((b) => !b.fromMe), 'the reply at the customer');
    await app.core.ctx.pipeline.drain();

    // The customer's own recording reached the endpoint.
    expect(whisper.requests).toHaveLength(1);
    expect(whisper.requests[0]!.body.includes(VOICE)).toBe(true);
    const voice = rows().find((r) => r.direction === 'in')!;
    expect(voice.kind).toBe('audio');
    expect(voice.text).toBe("Bonjour, c'est combien la robe kabyle traditionnelle ?");
    expect(JSON.parse(voice.meta!)).toMatchObject({ transcript: { language: 'french', seconds: 4.1 } });

    const out = rows().find((r) => r.direction === 'out')!;
    const meta = JSON.parse(out.meta!) as { skus: string[]; escalate: boolean; inReplyTo: number[] };
    expect(meta.inReplyTo).toEqual([voice.id]);
    expect(meta.skus).toContain('DZ-DR-002');
    expect(meta.escalate).toBe(false);
    // An answer about that product (its price), not the "I'll pass it to the seller" acknowledgement.
    expect(out.text).toMatch(/9[\s\u202f.,]?800/);
    const bubble = customer.chat(SELLER).find((b) => !b.fromMe)!;
    expect(bubble.text).toBe(out.text);

    // Inbox search finds the conversation by words only ever spoken.
    const found = await call<ConversationPage>(app.core, 'conversations/list', { shopId: shop.id, query: 'kabyle' });
    expect(found.items.map((c) => c.id)).toHaveLength(1);
    const none = await call<ConversationPage>(app.core, 'conversations/list', { shopId: shop.id, query: 'chaussures' });
    expect(none.items).toHaveLength(0);
  });

  it('an endpoint failure or a spent minutes cap falls back to the acknowledgement and the escalation', async () => {
    await transcription({ dailyMinutesCap: 1 });
    whisper.answer = { status: 503 };
    const first = standin.customer('213660000032');
    await standin.relay.customerSends(first, SELLER, audioMessage);
    await until(() => first.chat(SELLER).some((b) => !b.fromMe), 'the acknowledgement');
    await app.core.ctx.pipeline.drain();
    expect(whisper.requests).toHaveLength(1);

    // The day's minute is spent by a long note; the next one is not even sent.
    whisper.answer = { text: 'wach kayen sac noir', language: 'arabic', duration: 65 };
    const second = standin.customer('213660000033');
    await standin.relay.customerSends(second, SELLER, audioMessage);
    await until(() => second.chat(SELLER).some((b) => !b.fromMe), 'the answer to the second note');
    const third = standin.customer('213660000034');
    await standin.relay.customerSends(third, SELLER, audioMessage);
    await until(() => third.chat(SELLER).some((b) => !b.fromMe), 'the acknowledgement of the third note');
    await app.core.ctx.pipeline.drain();
    expect(whisper.requests).toHaveLength(2);

    const reasons = app.core.ctx.store.sqlite.prepare('SELECT escalation_reason AS r FROM conversations ORDER BY id').all() as {
      r: string | null;
    }[];
    expect(reasons.map((r) => r.r?.includes('voice_note_received') ?? false)).toEqual([true, false, true]);
    const voices = rows().filter((r) => r.direction === 'in');
    expect(voices.map((v) => v.text)).toEqual(['', 'wach kayen sac noir', '']);
  });
});
