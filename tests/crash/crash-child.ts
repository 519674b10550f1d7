/**
 * The crash test's child: a real core with the simulator (limits off) fed a fixed stream of
 * customer messages. Every run re-feeds the whole stream from the start — deliveries already
 * accepted are duplicates and must be no-ops — then drains and exits 0. SOUQ_CRASH_AT makes it
 * SIGKILL itself at a lifecycle step.
 */
import { createCore } from '../../electron/core/create-core';
import { crashHookFromEnv } from '../../electron/core/pipeline/crash-points';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { makeDeterministicBrain } from '../../electron/core/brain/deterministic-brain';

const [dataDir, conversationsArg, perConversationArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-child DATA_DIR CONVERSATIONS PER_CONVERSATION');
const conversations = Number(conversationsArg ?? 200);
const perConversation = Number(perConversationArg ?? 25);

const core = await createCore({
  dataDir,
  brain: makeDeterministicBrain(),
  rateLimits: noRateLimits,
  pacing: noPacing,
  crash: crashHookFromEnv(process.env.SOUQ_CRASH_AT),
  simulator: { fsync: true, receipts: false },
});
const shop = (await core.ctx.repos.shops.list())[0] ?? (await core.ctx.repos.shops.create({ name: 'Crash shop', currency: 'DZD', now: new Date().toISOString() }));
const accountId = core.ctx.testPhone.accountFor(shop.id);

const total = conversations * perConversation;
for (let i = 0; i < total; i++) {
  const conversation = i % conversations;
  const n = Math.floor(i / conversations);
  core.ctx.pipeline.sink.accept({
    accountId,
    channelMessageId: `C${conversation}-M${n}`,
    from: `2135${String(conversation).padStart(8, '0')}@s.whatsapp.net`,
    kind: 'text',
    text: `conversation ${conversation} message ${n}`,
    at: new Date().toISOString(),
  });
  // Let the worker and dispatcher run while messages keep arriving.
  if (i % 25 === 24) await new Promise((resolve) => setImmediate(resolve));
}
await core.ctx.pipeline.drain();
await core.close();
process.stdout.write('drained\n');
