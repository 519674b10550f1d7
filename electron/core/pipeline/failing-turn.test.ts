import { afterEach, describe, expect, it } from 'vitest';
import type { Shop } from '../../../shared/domain/schemas';
import { makeDeterministicBrain } from '../test-utils/deterministic-brain';
import type { Brain } from '../brain/types';
import { call, makeTempCore } from '../test-utils/temp-core';
import { backoffMs, defaultRetry } from './keyed-scheduler';
import { PARKED_REASON } from './parked-turns-repo';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** A brain that throws for any turn mentioning "corrupt" while `broken.on`, and counts tries. */
function flakyBrain(broken: { on: boolean }) {
  const honest = makeDeterministicBrain();
  const tries = { count: 0 };
  const brain: Brain = {
    async decide(input) {
      if (input.text.includes('corrupt')) {
        tries.count += 1;
        if (broken.on) throw new Error('page 4 of the catalog is corrupt');
      }
      return honest.decide(input);
    },
  };
  return { brain, tries };
}

const inbound = (accountId: number, id: string, text: string, from: string) => ({
  accountId,
  channelMessageId: id,
  from,
  kind: 'text' as const,
  text,
  at: new Date().toISOString(),
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a turn that keeps failing', () => {
  it('backs off per conversation, is parked and shown to the seller, and others are answered meanwhile', async () => {
    const broken = { on: true };
    const { brain, tries } = flakyBrain(broken);
    const retry = { baseMs: 40, capMs: 160, parkAfter: 5 };
    const temp = await makeTempCore({ brain, retry });
    cleanup = temp.cleanup;
    const { core } = temp;
    const shop = await call<Shop>(core, 'shops/create', { name: 'Atelier Nour', currency: 'MAD' });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    const escalated: string[] = [];
    core.bus.on('conversations/escalated', ({ reason }) => escalated.push(reason));

    await core.ctx.pipeline.sink.accept(inbound(accountId, 'X-1', 'le modèle corrupt svp', '212600000001@s.whatsapp.net'));
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'X-2', 'bonjour', '212600000002@s.whatsapp.net'));
    // Backoff 40+80+160+160 ms ≈ 440 ms until the 5th try; a hot loop would try thousands of times.
    await expect.poll(() => tries.count, { timeout: 5000 }).toBe(5);
    const db = core.ctx.store.sqlite;
    const state = db
      .prepare(
        "SELECT m.turn_state AS state, c.status, c.escalation_reason AS reason FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.channel_message_id = 'X-1'",
      )
      .get();
    expect(state).toEqual({ state: 2 /* parked */, status: 'waiting_human', reason: PARKED_REASON });
    expect(escalated).toEqual([PARKED_REASON]);
    expect((db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'out'").get() as { n: number }).n).toBe(1);
    await sleep(300);
    expect(tries.count).toBe(5); // parked: no more tries

    // The seller gives the conversation back to the bot; the catalog was fixed meanwhile.
    broken.on = false;
    const conversationId = (
      db.prepare("SELECT conversation_id AS id FROM messages WHERE channel_message_id = 'X-1'").get() as { id: number }
    ).id;
    await call(core, 'conversations/set-takeover', { shopId: shop.id, conversationId, takeover: false });
    await core.ctx.pipeline.drain();
    expect(tries.count).toBe(6);
    expect((db.prepare("SELECT count(*) AS n FROM messages WHERE direction = 'out'").get() as { n: number }).n).toBe(2);
  });

  it('stays parked across a restart', async () => {
    const broken = { on: true };
    const first = flakyBrain(broken);
    const temp = await makeTempCore({ brain: first.brain, retry: { baseMs: 5, capMs: 10, parkAfter: 3 } });
    const shop = await call<Shop>(temp.core, 'shops/create', { name: 'Loja Verde', currency: 'EUR' });
    const accountId = temp.core.ctx.testPhone.accountFor(shop.id);
    await temp.core.ctx.pipeline.sink.accept(inbound(accountId, 'P-1', 'corrupt', '351910000001@s.whatsapp.net'));
    await expect.poll(() => first.tries.count, { timeout: 2000 }).toBe(3);
    await temp.core.close();
    const second = flakyBrain(broken);
    const again = await makeTempCore({ dataDir: temp.dataDir, brain: second.brain });
    cleanup = again.cleanup;
    await again.core.ctx.pipeline.drain();
    await sleep(100);
    expect(second.tries.count).toBe(0);
  });

  it('waits longer after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 12].map((n) => backoffMs(defaultRetry, n))).toEqual([1000, 2000, 4000, 8000, 300_000]);
  });
});
