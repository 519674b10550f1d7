import { afterEach, describe, expect, it } from 'vitest';
import type { PacingChoice } from '../../../shared/domain/settings';
import { makeDeterministicBrain } from '../test-utils/deterministic-brain';
import type { Channel } from '../channels/types';
import { EventBus } from '../events';
import { silentLogger } from '../ports';
import { openDatabase, type Store } from '../database';
import { makeSettingsRepo } from '../settings/settings-repo';
import { createPipeline, type Pipeline } from './create-pipeline';
import { makePipelineStorage } from './pipeline-storage';

/**
 * The pacing choice drives the dispatcher: the same rush under careful / normal / fast, on a clock
 * the test moves (typing waits return at once; the limiters see the moved clock).
 */
let open: { store: Store; pipeline: Pipeline } | null = null;
afterEach(async () => {
  await open?.pipeline.stop();
  await open?.store.close();
  open = null;
});

async function rush(choice: PacingChoice, customers: number, opts: { proactive?: boolean; seconds?: number } = {}) {
  const store = await openDatabase({ file: ':memory:' });
  let t = Date.parse('2026-11-23T21:00:00Z');
  const clock = { now: () => new Date(t) };
  const { sqlite } = store;
  const iso = clock.now().toISOString();
  sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', ?)").run(iso);
  sqlite
    .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', ?)")
    .run(iso);
  sqlite.prepare('INSERT INTO settings (shop_id, doc, updated_at) VALUES (1, ?, ?)').run(JSON.stringify({ bot: { pacing: choice } }), iso);
  const settings = makeSettingsRepo(store.db);
  const bus = new EventBus();
  const notifier = { notify() {} };
  const storage = makePipelineStorage({
    sqlite,
    bus,
    clock,
    logger: silentLogger,
    notifier,
    intake: { storeHeld: (message) => pipeline.storeHeld(message), resumeWork: () => pipeline.resumeWork() },
  });
  const pipeline = createPipeline({
    sqlite,
    storage,
    brain: makeDeterministicBrain(),
    settingsOf: (shopId) => settings.get(shopId),
    bus,
    clock,
    logger: silentLogger,
    notifier,
    sleep: async () => undefined,
  });
  open = { store, pipeline };
  const sentAt: number[] = [];
  const typing: number[] = [];
  const channel: Channel = {
    kind: 'simulator',
    async typing(_account, _to, ms) {
      typing.push(ms);
    },
    async send() {
      sentAt.push(t);
    },
  };
  pipeline.attachChannel(1, channel);
  const start = t;
  for (let i = 0; i < customers; i++) {
    await pipeline.sink.accept({
      accountId: 1,
      channelMessageId: `R${i}`,
      from: `21355${String(i).padStart(7, '0')}@s.whatsapp.net`,
      kind: 'text',
      text: 'ch7al had sac?',
      at: iso,
    });
  }
  if (opts.proactive) {
    // Answered first, then every conversation gets a follow-up: those are proactive.
    for (let s = 0; s < 120; s++) await step(pipeline, () => (t += 250));
    expect(sentAt.length).toBe(customers);
    sentAt.length = 0;
    t += 60_000; // the reply window's minute has passed
    for (let c = 1; c <= customers; c++) pipeline.enqueueProactive({ shopId: 1, conversationId: c, text: 'Your cart is waiting for you' });
  }
  const from = t;
  for (let s = 0; s < (opts.seconds ?? 60) * 4; s++) await step(pipeline, () => (t += 250));
  return { sentWithin: (ms: number) => sentAt.filter((at) => at - from <= ms).length, typing, start };
}

/** Moves the clock, lets deferred work wake, and waits for what is due. */
async function step(pipeline: Pipeline, advance: () => void): Promise<void> {
  advance();
  pipeline.start();
  await pipeline.drain();
}

describe('pacing choice', () => {
  it('careful sends at most 8 replies a minute; normal answers a rush of 60 within the minute', async () => {
    const careful = await rush('careful', 60);
    expect(careful.sentWithin(60_000)).toBeLessThanOrEqual(9);
    expect(careful.sentWithin(60_000)).toBeGreaterThan(0);
    await open!.pipeline.stop();
    await open!.store.close();
    const normal = await rush('normal', 60);
    expect(normal.sentWithin(60_000)).toBe(60);
  });

  it('types faster at fast than at careful, for the same reply', async () => {
    const careful = await rush('careful', 1, { seconds: 10 });
    const carefulTyping = careful.typing[0]!;
    await open!.pipeline.stop();
    await open!.store.close();
    const fast = await rush('fast', 1, { seconds: 10 });
    expect(carefulTyping).toBeGreaterThan(fast.typing[0]!);
  });

  it('keeps proactive messages on the strict budget even at fast', async () => {
    const fast = await rush('fast', 30, { proactive: true });
    expect(fast.sentWithin(60_000)).toBeLessThanOrEqual(9);
    expect(fast.sentWithin(60_000)).toBeGreaterThan(0);
  });
});
