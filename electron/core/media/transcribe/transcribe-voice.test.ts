import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Brain, BrainInput } from '../../brain/types';
import { makeDeterministicBrain } from '../../test-utils/deterministic-brain';
import type { Core } from '../../create-core';
import { call, makeTempCore } from '../../test-utils/temp-core';
import type { Shop } from '../../../../shared/domain/schemas';
import { type FakeTranscriptionServer, startFakeTranscriptionServer } from './test-utils/fake-transcription-server';

/** A brain that records what it was asked, then answers like the deterministic one. */
function recordingBrain(inputs: BrainInput[]): Brain {
  const inner = makeDeterministicBrain();
  return { decide: (input) => (inputs.push(input), inner.decide(input)) };
}

interface Row {
  id: number;
  direction: string;
  kind: string;
  text: string;
  meta: string | null;
}

let server: FakeTranscriptionServer;
let core: Core;
let dataDir: string;
let cleanup: () => Promise<void>;
let shop: Shop;
let inputs: BrainInput[];
let n = 0;

beforeAll(async () => {
  server = await startFakeTranscriptionServer();
});
afterAll(() => server.close());
beforeEach(async () => {
  inputs = [];
  server.requests.length = 0;
  ({ core, dataDir, cleanup } = await makeTempCore({ brain: recordingBrain(inputs) }));
  shop = await call<Shop>(core, 'shops/create', { name: 'Dar Lalla', currency: 'DZD' });
});
afterEach(() => cleanup());

const configure = (patch: Record<string, unknown>) =>
  call(core, 'settings/update', { shopId: shop.id, patch: { transcription: { baseUrl: server.baseUrl, model: 'whisper-1', ...patch } } });

/** A voice note as the WhatsApp adapter stores it: kind audio, no text, the file under media/. */
function voiceNote(file = path.join(dataDir, 'media', '1', `voice-${++n}.ogg`)): number {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.concat([Buffer.from('OggS'), Buffer.alloc(4_000, 7)]));
  const accountId = core.ctx.testPhone.accountFor(shop.id);
  const { messageId } = core.ctx.pipeline.sink.acceptNow({
    accountId,
    channelMessageId: `VOICE${n}`,
    from: `21355000${String(n).padStart(4, '0')}@s.whatsapp.net`,
    kind: 'audio',
    text: '',
    at: new Date().toISOString(),
    mediaPath: file,
  });
  return messageId;
}

const rows = (): Row[] => core.ctx.store.sqlite.prepare('SELECT id, direction, kind, text, meta FROM messages ORDER BY id').all() as Row[];
const reasons = () =>
  (core.ctx.store.sqlite.prepare('SELECT escalation_reason AS r FROM conversations ORDER BY id').all() as { r: string | null }[]).map(
    (r) => r.r,
  );

describe('voice notes through the transcription endpoint', () => {
  it('puts the transcript in the brain input, flagged with its language, on the message and in its meta', async () => {
    await configure({ apiKey: 'sk-voice' });
    server.answer = { text: 'Bonjour, la robe kabyle existe en rouge ?', language: 'french', duration: 4.5 };
    const id = voiceNote();
    await core.ctx.pipeline.drain();

    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.text).toBe('Bonjour, la robe kabyle existe en rouge ?');
    expect(inputs[0]!.transcribed).toEqual({ language: 'french' });
    // The SDK uploaded the file itself as multipart, with the model, asking for the language and duration.
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.contentType).toMatch(/^multipart\/form-data/);
    expect(req.model).toBe('whisper-1');
    expect(req.responseFormat).toBe('verbose_json');
    expect(req.authorization).toBe('Bearer sk-voice');
    expect(req.body.includes(Buffer.alloc(4_000, 7))).toBe(true);

    const stored = rows().find((r) => r.id === id)!;
    expect(stored.kind).toBe('audio');
    expect(stored.text).toBe('Bonjour, la robe kabyle existe en rouge ?');
    expect(JSON.parse(stored.meta!)).toMatchObject({ transcript: { language: 'french', seconds: 4.5 } });
    // The reply answers the words, not the acknowledgement; nothing escalated.
    expect(rows().find((r) => r.direction === 'out')!.text).toContain('robe kabyle');
    expect(reasons()).toEqual([null]);
    // The message the inbox reads says it was transcribed.
    const thread = await call<{ media?: unknown }[]>(core, 'conversations/list-messages', {
      shopId: shop.id,
      conversationId: (core.ctx.store.sqlite.prepare('SELECT conversation_id AS c FROM messages WHERE id = ?').get(id) as { c: number }).c,
    });
    expect(thread[0]!.media).toEqual({ stored: true, mime: 'audio/ogg', fileName: null, transcript: { language: 'french', seconds: 4.5 } });
  });

  it('without an endpoint, the acknowledgement and the escalation as before; no request', async () => {
    voiceNote();
    await core.ctx.pipeline.drain();
    expect(server.requests).toHaveLength(0);
    expect(inputs).toHaveLength(0);
    expect(reasons()[0]).toContain('voice_note_received');
  });

  it('an endpoint failure falls back to the acknowledgement and escalation; the voice note keeps no text', async () => {
    await configure({});
    server.answer = { status: 500 };
    const id = voiceNote();
    await core.ctx.pipeline.drain();
    expect(server.requests).toHaveLength(1);
    expect(inputs).toHaveLength(0);
    expect(reasons()[0]).toContain('voice_note_received');
    expect(rows().find((r) => r.id === id)!.text).toBe('');
    expect(rows().find((r) => r.direction === 'out')!.text.length).toBeGreaterThan(0);
  });

  it('past the daily minutes cap, no more requests: the fallback answers', async () => {
    await configure({ dailyMinutesCap: 1 });
    server.answer = { text: 'wach kayen sac noir', language: 'arabic', duration: 50 };
    voiceNote();
    await core.ctx.pipeline.drain();
    voiceNote(); // 50 s used of 60: still allowed
    await core.ctx.pipeline.drain();
    voiceNote(); // 100 s used: over the cap
    await core.ctx.pipeline.drain();
    expect(server.requests).toHaveLength(2);
    expect(inputs).toHaveLength(2);
    expect(reasons()).toEqual([null, null, expect.stringContaining('voice_note_received')]);
    const used = core.ctx.store.sqlite.prepare('SELECT seconds, requests FROM transcription_usage WHERE shop_id = ?').get(shop.id);
    expect(used).toEqual({ seconds: 100, requests: 2 });
  });

  it('a server on this computer gets one voice note at a time, in order; all are answered', async () => {
    await configure({});
    server.answer = { text: 'wach kayen sac noir', language: 'arabic', duration: 2 };
    server.delayMs = 150;
    try {
      for (let i = 0; i < 3; i++) voiceNote();
      await core.ctx.pipeline.drain();
    } finally {
      server.delayMs = 0;
    }
    expect(server.requests).toHaveLength(3);
    expect(server.maxInFlight).toBe(1);
    expect(inputs).toHaveLength(3);
  });

  it('a stored path outside the media folder is never read or uploaded', async () => {
    await configure({});
    server.answer = { text: 'secret', language: 'english', duration: 1 };
    const outside = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'souq-outside-')), 'voice.ogg');
    voiceNote(outside);
    await core.ctx.pipeline.drain();
    expect(server.requests).toHaveLength(0);
    expect(reasons()[0]).toContain('voice_note_received');
    fs.rmSync(path.dirname(outside), { recursive: true, force: true });
  });

  it('settings/get never returns the transcription key, only whether one is set', async () => {
    await configure({ apiKey: 'sk-secret' });
    const got = await call<{ transcription: Record<string, unknown> }>(core, 'settings/get', { shopId: shop.id });
    expect(got.transcription).toMatchObject({ baseUrl: server.baseUrl, apiKeySet: true });
    expect(JSON.stringify(got)).not.toContain('sk-secret');
    // Moving the endpoint to another host without a new key forgets the old one.
    await call(core, 'settings/update', { shopId: shop.id, patch: { transcription: { baseUrl: 'https://api.groq.com/openai/v1' } } });
    const moved = await call<{ transcription: Record<string, unknown> }>(core, 'settings/get', { shopId: shop.id });
    expect(moved.transcription.apiKeySet).toBe(false);
  });
});
