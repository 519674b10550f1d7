import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { Brain } from '../electron/core/brain/types';
import { makeDeterministicBrain } from '../electron/core/test-utils/deterministic-brain';
import type { Channel } from '../electron/core/channels/types';
import { createCore } from '../electron/core/create-core';
import { numberArg, percentile, round, sleep, tmpDir } from './lib/util';

export interface RushBench {
  llm_ms: number;
  conversations: number;
  last_reply_s: number;
  median_reply_s: number;
  in_flight_max: number;
  /** Replies sent before the cap; below `conversations` means last_reply_s is only the cap. */
  replied: number;
}

/** A hosted-LLM stand-in: answers after `ms`, counting how many turns wait on it at once. */
function slowBrain(ms: number) {
  const inner = makeDeterministicBrain();
  const stats = { inFlight: 0, max: 0 };
  const brain: Brain = {
    async decide(input) {
      stats.inFlight += 1;
      stats.max = Math.max(stats.max, stats.inFlight);
      try {
        await sleep(ms);
        return await inner.decide(input);
      } finally {
        stats.inFlight -= 1;
      }
    },
  };
  return { brain, stats };
}

/**
 * A rush: `conversations` customers each write once, spread over `spreadS` seconds, to a shop
 * whose LLM answers in `llmMs`. Pacing and send limits are the shipped ones (the "normal" pacing
 * setting where it exists). Real time; stops at `capS` seconds.
 */
export async function run(opts: { conversations?: number; llmMs?: number; spreadS?: number; capS?: number } = {}): Promise<RushBench> {
  const conversations = opts.conversations ?? numberArg('rush-conversations', 200);
  const llmMs = opts.llmMs ?? 3_000;
  const spreadS = opts.spreadS ?? numberArg('rush-spread', 60);
  const capS = opts.capS ?? numberArg('rush-cap', 240);
  const dir = tmpDir('rush');
  const { brain, stats } = slowBrain(llmMs);
  const core = await createCore({ dataDir: dir, brain, simulator: { fsync: false, receipts: false } });
  try {
    const now = () => new Date().toISOString();
    const shop = await core.ctx.repos.shops.create({ name: 'Rush', currency: 'DZD', now: now() });
    // A hosted endpoint (the brain above stands in for it), so the per-endpoint turn limit is the hosted one.
    const set = await core.app.dispatch('settings/update', {
      shopId: shop.id,
      patch: { llm: { baseUrl: 'https://openrouter.ai/api/v1', model: 'bench', apiKey: 'sk-bench' }, ...rushPacing() },
    });
    if (!set.ok) throw new Error(`settings/update: ${set.error.message}`);
    const account = await core.ctx.repos.accounts.create({
      shopId: shop.id,
      channel: 'simulator',
      label: 'rush',
      phone: null,
      status: 'connected',
      now: now(),
    });
    const wroteAt = new Map<string, number>();
    const waits: number[] = [];
    let lastSent = 0;
    const channel: Channel = {
      kind: 'simulator',
      async typing() {},
      async send(message) {
        const t = performance.now();
        const wrote = wroteAt.get(message.to);
        if (wrote !== undefined && wroteAt.delete(message.to)) waits.push((t - wrote) / 1000);
        lastSent = t;
      },
    };
    core.ctx.pipeline.attachChannel(account.id, channel);
    const start = performance.now();
    for (let i = 0; i < conversations; i++) {
      const due = start + (i * spreadS * 1000) / conversations;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const from = `2135${String(i).padStart(8, '0')}@s.whatsapp.net`;
      wroteAt.set(from, performance.now());
      void core.ctx.pipeline.sink.accept({
        accountId: account.id,
        channelMessageId: `RUSH${i}`,
        from,
        kind: 'text',
        text: `slm ch7al had sac ${i}?`,
        at: now(),
      });
    }
    while (waits.length < conversations && performance.now() - start < capS * 1000) await sleep(200);
    waits.sort((a, b) => a - b);
    return {
      llm_ms: llmMs,
      conversations,
      last_reply_s: round(waits.length < conversations ? capS : (lastSent - start) / 1000, 1),
      median_reply_s: round(percentile(waits, 50), 1),
      in_flight_max: stats.max,
      replied: waits.length,
    };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The settings patch that selects "normal" pacing (the default, named so the bench says what it measures). */
function rushPacing(): Record<string, unknown> {
  return { bot: { pacing: 'normal' } };
}
