import { afterEach, describe, expect, it } from 'vitest';
import type { Shop } from '../../../shared/domain/schemas';
import type { Clock } from '../ports';
import { call, makeTempCore } from '../test-utils/temp-core';
import { defaultPacing, defaultRateLimits } from './policies';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** A clock the test moves by hand; the pipeline's timers still run on real time, so gaps are tiny. */
function manualClock(start = Date.parse('2026-11-23T10:00:00Z')) {
  let t = start;
  const clock: Clock = { now: () => new Date(t) };
  return { clock, advance: (ms: number) => (t += ms) };
}

describe('pipeline limits and pacing', () => {
  it('answers a burst of messages within the debounce window once, as a whole', async () => {
    const { clock, advance } = manualClock();
    const temp = await makeTempCore({ clock, pacing: { ...defaultPacing, debounceMs: 3000, minTypingMs: 0, maxTypingMs: 0 } });
    cleanup = temp.cleanup;
    const shop = await call<Shop>(temp.core, 'shops/create', { name: 'S' });
    const phone = temp.core.ctx.testPhone;
    phone.send(shop.id, '+213550000009', 'slm', clock.now());
    advance(1000);
    phone.send(shop.id, '+213550000009', 'ch7al sac noir?', clock.now());
    await temp.core.ctx.pipeline.drain();
    // Nothing yet: the customer may still be typing.
    const outCount = () =>
      (temp.core.ctx.store.sqlite.prepare("SELECT count(*) n FROM messages WHERE direction='out'").get() as { n: number }).n;
    expect(outCount()).toBe(0);
    advance(3500);
    temp.core.ctx.pipeline.start();
    await temp.core.ctx.pipeline.drain();
    const replies = temp.core.ctx.store.sqlite.prepare("SELECT text FROM messages WHERE direction='out'").all() as { text: string }[];
    expect(replies).toEqual([{ text: 'Thank you! We received: «slm\nch7al sac noir?»' }]);
  });

  it('answers a contact flooding more than 10 messages a minute once, then flags and stays quiet', async () => {
    const { clock, advance } = manualClock();
    const temp = await makeTempCore({ clock, rateLimits: { ...defaultRateLimits, minGapMs: 0, jitterMs: 0, perAccountPerMinute: 1000 } });
    cleanup = temp.cleanup;
    const shop = await call<Shop>(temp.core, 'shops/create', { name: 'S' });
    for (let i = 0; i < 14; i++) {
      temp.core.ctx.testPhone.send(shop.id, '+213550000010', `spam ${i}`, clock.now());
      await temp.core.ctx.pipeline.drain();
      advance(1000);
    }
    const sent = (temp.core.ctx.store.sqlite.prepare("SELECT count(*) n FROM messages WHERE direction='out'").get() as { n: number }).n;
    // 10 normal answers, the 11th answered once and flagged, then silence.
    expect(sent).toBe(11);
    const flagged = temp.core.ctx.store.sqlite.prepare('SELECT flagged_reason FROM conversations').get() as { flagged_reason: string };
    expect(flagged.flagged_reason).toBe('flooding');
  });

  it('never sends a bot message more than 24 h after the customer last wrote', async () => {
    const { clock, advance } = manualClock();
    const temp = await makeTempCore({ clock, rateLimits: { ...defaultRateLimits, minGapMs: 0, jitterMs: 0 }, paused: true });
    cleanup = temp.cleanup;
    const shop = await call<Shop>(temp.core, 'shops/create', { name: 'S' });
    temp.core.ctx.testPhone.send(shop.id, '+213550000011', 'hello', clock.now());
    // The app was closed for two days before the reply could go out.
    advance(48 * 3_600_000);
    await temp.core.ctx.pipeline.drain();
    const row = temp.core.ctx.store.sqlite.prepare("SELECT status, error FROM messages WHERE direction='out'").get() as {
      status: string;
      error: string;
    };
    expect(row.status).toBe('failed');
    expect(row.error).toMatch(/more than 24 h ago/);
    expect(temp.core.ctx.testPhone.thread(shop.id, '+213550000011').filter((m) => m.direction === 'in')).toEqual([]);
  });
});
