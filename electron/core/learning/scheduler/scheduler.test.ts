import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../ports';
import { openDatabase, type Store } from '../../database';
import { backoffMs, makeScheduler } from './scheduler';

const T0 = Date.parse('2026-03-01T08:00:00.000Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

function fakeClock(start = T0) {
  let now = start;
  return { clock: { now: () => new Date(now) }, set: (ms: number) => (now = ms), advance: (ms: number) => (now += ms), get: () => now };
}

const stores: Store[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function fileStore(dir?: string): Promise<{ store: Store; dir: string }> {
  const where = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'souq-sched-'));
  if (!dir) dirs.push(where);
  const store = await openDatabase({ file: path.join(where, 'db.sqlite') });
  stores.push(store);
  return { store, dir: where };
}

describe('scheduler', () => {
  it('runs a one-shot job when due on the injected clock, once, and forgets it', async () => {
    const { store } = await fileStore();
    const t = fakeClock();
    const s = makeScheduler({ sqlite: store.sqlite, clock: t.clock, logger: silentLogger });
    const ran: unknown[] = [];
    s.register('hello', (job) => void ran.push(job.payload));
    s.schedule('hello', 'hello:1', new Date(T0 + 30 * MIN), { payload: { n: 1 } });
    s.schedule('hello', 'hello:1', new Date(T0 + 30 * MIN), { payload: { n: 1 } }); // idempotent
    expect(await s.runDue()).toBe(0);
    t.advance(29 * MIN);
    expect(await s.runDue()).toBe(0);
    t.advance(MIN);
    expect(await s.runDue()).toBe(1);
    expect(ran).toEqual([{ n: 1 }]);
    expect(await s.runDue()).toBe(0);
    expect(s.jobs()).toEqual([]);
  });

  it('survives a restart mid-schedule: jobs stored before are run by the next process', async () => {
    const first = await fileStore();
    const t = fakeClock();
    const before = makeScheduler({ sqlite: first.store.sqlite, clock: t.clock, logger: silentLogger });
    before.register('follow', () => undefined);
    before.schedule('follow', 'follow:7', new Date(T0 + 30 * MIN), { shopId: null, payload: { conversationId: 7 } });
    before.every('analyze', 'analyze', 6 * HOUR, { firstAt: new Date(T0 + 6 * HOUR) });
    await before.stop();
    await first.store.close();
    stores.splice(stores.indexOf(first.store), 1);

    t.advance(45 * MIN);
    const second = await fileStore(first.dir);
    const after = makeScheduler({ sqlite: second.store.sqlite, clock: t.clock, logger: silentLogger });
    const ran: string[] = [];
    after.register('follow', (job) => void ran.push(`${job.key} ${JSON.stringify(job.payload)}`));
    after.register('analyze', () => void ran.push('analyze'));
    // The recurring job declared again on start keeps its stored next run.
    after.every('analyze', 'analyze', 6 * HOUR, { firstAt: t.clock.now() });
    expect(await after.runDue()).toBe(1);
    expect(ran).toEqual(['follow:7 {"conversationId":7}']);
    t.set(T0 + 6 * HOUR);
    await after.runDue();
    expect(ran.at(-1)).toBe('analyze');
  });

  it('runs a recurring job missed while the laptop slept once on start, then one period later', async () => {
    const { store } = await fileStore();
    const t = fakeClock();
    const s = makeScheduler({ sqlite: store.sqlite, clock: t.clock, logger: silentLogger });
    let runs = 0;
    s.register('analyze', () => void (runs += 1));
    s.every('analyze', 'analyze', 6 * HOUR);
    await s.runDue();
    expect(runs).toBe(1);
    t.advance(3 * 24 * HOUR + 5 * MIN); // twelve missed periods
    await s.runDue();
    expect(runs).toBe(2);
    expect(s.nextDueAt()).toBe(t.get() + 6 * HOUR);
    t.advance(6 * HOUR - 1);
    expect(await s.runDue()).toBe(0);
  });

  it('retries a failing job with backoff, shows the failure, gives up after the limit, and can retry again', async () => {
    const { store } = await fileStore();
    const t = fakeClock();
    const s = makeScheduler({
      sqlite: store.sqlite,
      clock: t.clock,
      logger: silentLogger,
      maxAttempts: 3,
      backoff: { baseMs: MIN, maxMs: HOUR },
    });
    let calls = 0;
    let healthy = false;
    s.register('flaky', () => {
      calls += 1;
      if (!healthy) throw new Error('disk said no');
    });
    s.schedule('flaky', 'flaky', t.clock.now());
    await s.runDue();
    expect(calls).toBe(1);
    expect(s.failures()).toMatchObject([{ key: 'flaky', attempts: 1, lastError: 'disk said no', state: 'pending' }]);
    expect(s.nextDueAt()).toBe(t.get() + MIN);
    t.advance(MIN - 1);
    expect(await s.runDue()).toBe(0);
    t.advance(1);
    await s.runDue();
    expect(s.nextDueAt()).toBe(t.get() + 2 * MIN);
    t.advance(2 * MIN);
    await s.runDue();
    expect(calls).toBe(3);
    expect(s.failures()).toMatchObject([{ state: 'failed', attempts: 3 }]);
    t.advance(HOUR);
    expect(await s.runDue()).toBe(0);
    healthy = true;
    expect(s.retry(s.failures()[0]!.id)).toBe(true);
    await s.runDue();
    expect(calls).toBe(4);
    expect(s.failures()).toEqual([]);
    expect(backoffMs(20, MIN, HOUR)).toBe(HOUR);
  });

  it('a failing recurring job keeps retrying with backoff and returns to its period once healthy', async () => {
    const { store } = await fileStore();
    const t = fakeClock();
    const s = makeScheduler({
      sqlite: store.sqlite,
      clock: t.clock,
      logger: silentLogger,
      maxAttempts: 2,
      backoff: { baseMs: MIN, maxMs: HOUR },
    });
    let fail = true;
    s.register('index', () => {
      if (fail) throw new Error('locked');
    });
    s.every('index', 'index', 10 * MIN);
    for (let i = 0; i < 4; i++) {
      await s.runDue();
      t.advance(HOUR);
    }
    expect(s.failures()).toMatchObject([{ state: 'pending', attempts: 4 }]);
    fail = false;
    await s.runDue();
    expect(s.failures()).toEqual([]);
    expect(s.nextDueAt()).toBe(t.get() + 10 * MIN);
  });

  it('nudge runs a job soon without moving its period; `more` runs it again; nextAt defers a one-shot', async () => {
    const { store } = await fileStore();
    const t = fakeClock();
    const s = makeScheduler({ sqlite: store.sqlite, clock: t.clock, logger: silentLogger });
    let backlog = 3;
    s.register('index', () => ({ more: --backlog > 0 }));
    s.every('index', 'index', HOUR, { firstAt: new Date(T0 + HOUR) });
    s.nudge('index', 250);
    expect(await s.runDue()).toBe(0);
    t.advance(250);
    expect(await s.runDue()).toBe(3);
    expect(backlog).toBe(0);
    expect(s.nextDueAt()).toBe(T0 + HOUR);

    let opened = false;
    s.register('wait', () => (opened ? undefined : { nextAt: new Date(t.get() + 2 * HOUR) }));
    s.schedule('wait', 'wait', t.clock.now());
    await s.runDue();
    expect(s.jobs().map((j) => j.key)).toContain('wait');
    expect(s.nextDueAt(true)).toBe(t.get() + 2 * HOUR);
    opened = true;
    t.advance(2 * HOUR);
    await s.runDue();
    expect(s.jobs().map((j) => j.key)).not.toContain('wait');
  });

  it('arms its own timer when started (real timers, tiny delays)', async () => {
    const { store } = await fileStore();
    const s = makeScheduler({ sqlite: store.sqlite, clock: { now: () => new Date() }, logger: silentLogger });
    const done = new Promise<void>((resolve) => s.register('tick', () => resolve()));
    s.start();
    s.schedule('tick', 'tick', new Date(Date.now() + 20));
    await done;
    await s.stop();
  });
});
