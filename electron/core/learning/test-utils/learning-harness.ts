import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ShopSettingsPatch } from '../../../../shared/domain/settings';
import { importCatalogFile } from '../../cli/import-catalog';
import { createCore, type Core } from '../../create-core';
import type { Database } from '../../database';
import { typedStatements } from '../../store';
import { defaultPacing, defaultRateLimits } from '../../pipeline/policies';

const FASHION = path.resolve(import.meta.dirname, '../../../../tests/fixtures/catalog-dz-fashion.csv');

export interface Harness {
  core: Core;
  shopId: number;
  now(): number;
  /** A customer message at the current fake time; the bot's answer is committed and sent. */
  say(from: string, text: string): Promise<void>;
  /** Moves the fake clock, running due jobs and sending what they queued. */
  advance(ms: number): Promise<void>;
  /** The laptop slept: the clock moves and nothing runs meanwhile. */
  sleep(ms: number): void;
  settings(patch: ShopSettingsPatch): Promise<void>;
  /** Follow-ups stored for this shop, oldest first. */
  followUps(): Array<{ to: string; text: string; status: string }>;
  close(): Promise<void>;
}

/**
 * A whole core on a fake clock with the fashion catalog, as `simulate` runs it: the pipeline
 * sends through the simulator channel, the scheduler is driven by `advance`, never by timers.
 */
export async function makeLearningHarness(start = Date.parse('2026-03-02T08:00:00.000Z')): Promise<Harness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-learning-'));
  let now = start;
  const clock = { now: () => new Date(now) };
  const core = await createCore({
    dataDir: dir,
    clock,
    paused: true,
    rateLimits: { ...defaultRateLimits, minGapMs: 0, jitterMs: 0 },
    pacing: { ...defaultPacing, minTypingMs: 0, maxTypingMs: 0 },
    simulator: { receipts: false, fsync: false },
  });
  const shop = await core.ctx.repos.shops.create({ name: 'Dar Lalla', currency: 'DZD', now: clock.now().toISOString() });
  importCatalogFile(core, shop.id, FASHION, { clock });
  const drain = () => core.ctx.pipeline.drain();
  const followUpRows = typedStatements<Database>(core.ctx.store.sqlite).prepare((db, p: { shopId: number }) =>
    db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .innerJoin('contacts as k', 'k.id', 'c.contact_id')
      .select(['k.jid', 'm.text', 'm.status'])
      .where('m.shop_id', '=', p.shopId)
      .where('m.direction', '=', 'out')
      .where('m.meta', 'like', '%"followUp":true%')
      .orderBy('m.id'),
  );
  const harness: Harness = {
    core,
    shopId: shop.id,
    now: () => now,
    async say(from, text) {
      core.ctx.testPhone.send(shop.id, from, text, new Date(now));
      await harness.advance(5_000); // past the debounce
    },
    async advance(ms) {
      const until = now + ms;
      for (;;) {
        const next = core.learning.scheduler.nextDueAt(true);
        if (next === null || next > until) break;
        now = Math.max(now, next);
        await drain();
        await core.learning.scheduler.runDue();
        await drain();
      }
      now = until;
      await drain();
      await core.learning.scheduler.runDue();
      await drain();
    },
    sleep(ms) {
      now += ms;
    },
    async settings(patch) {
      const saved = await core.app.dispatch('settings/update', { shopId: shop.id, patch });
      if (!saved.ok) throw new Error(saved.error.message);
    },
    followUps: () => followUpRows.all({ shopId: shop.id }).map((r) => ({ to: `+${r.jid.split('@')[0]}`, text: r.text, status: r.status })),
    async close() {
      await core.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
