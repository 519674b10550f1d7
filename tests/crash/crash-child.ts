/**
 * The crash test's child: a real core with the simulator fed a stream of customer messages, the
 * way a channel feeds it, 25 at a time (so they are group-committed). When an `accept` resolves, the
 * message id is appended to acked.log: that is the moment the channel was told "stored", so a kill
 * after it must not lose the message.
 * A restarted child feeds only what was never acknowledged (what a channel would redeliver),
 * never the whole stream again, so a lost message cannot be hidden by a re-feed.
 *
 * stdout: `ready` once core is up, `acked N` every 25 acknowledgements, `fed` after the last one,
 * `drained` when everything was answered and sent. SOUQ_CRASH_AT=point:N kills at a lifecycle
 * step; SOUQ_CRASH_PACING=1 turns debounce and pacing on (short delays); SOUQ_PLANT_BUG plants one
 * of the bugs the checker must catch (test-only: late-write, early-ack, drop-120th, finish-apart).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../electron/core/create-core';
import { makeDeterministicBrain } from '../../electron/core/test-utils/deterministic-brain';
import type { Brain } from '../../electron/core/brain/types';
import type { NormalizedInbound } from '../../electron/core/channels/types';
import { crashHookFromEnv } from '../../electron/core/pipeline/crash-points';
import { type PacingPolicy, noPacing, noRateLimits } from '../../electron/core/pipeline/policies';
import { ACK_LOG, messageId, readAcked } from './crash-stream';

const [dataDir, conversationsArg, perConversationArg] = process.argv.slice(2);
if (!dataDir) throw new Error('usage: crash-child DATA_DIR CONVERSATIONS PER_CONVERSATION');
const conversations = Number(conversationsArg ?? 100);
const perConversation = Number(perConversationArg ?? 20);
const plant = process.env.SOUQ_PLANT_BUG ?? '';

/** Debounce and typing on, but in milliseconds, so a run stays short. */
const shortPacing: PacingPolicy = { enabled: true, msPerChar: 0.05, minTypingMs: 2, maxTypingMs: 10, debounceMs: 25, debounceCapMs: 100 };

/** Planted bug "drop-120th": every 120th turn silently answers nothing. */
function droppingBrain(): Brain {
  const honest = makeDeterministicBrain();
  let turns = 0;
  return {
    async decide(input) {
      const decision = await honest.decide(input);
      turns += 1;
      return turns % 120 === 0 ? { ...decision, reply: '' } : decision;
    },
  };
}

const core = await createCore({
  dataDir,
  brain: plant === 'drop-120th' ? droppingBrain() : makeDeterministicBrain(),
  rateLimits: noRateLimits,
  pacing: process.env.SOUQ_CRASH_PACING === '1' ? shortPacing : noPacing,
  crash: crashHookFromEnv(process.env.SOUQ_CRASH_AT),
  simulator: { fsync: true, receipts: false },
});
if (plant === 'finish-apart') finishApart();
const shop =
  (await core.ctx.repos.shops.list())[0] ??
  (await core.ctx.repos.shops.create({ name: 'Crash shop', currency: 'DZD', now: new Date().toISOString() }));
const accountId = core.ctx.testPhone.accountFor(shop.id);
const sink = core.ctx.pipeline.sink;

const ackLog = path.join(dataDir, ACK_LOG);
/** The channel's acknowledgement: from here on, the message must survive anything. */
const ack = (id: string) => fs.appendFileSync(ackLog, `${id}\n`);
const ignore = () => {};

/**
 * Planted bugs: "late-write" acknowledges at once and stores a moment later; "early-ack"
 * acknowledges when accept is called, before the commit that holds the message.
 */
const accept = (message: NormalizedInbound): Promise<void> | null => {
  if (plant === 'late-write') setTimeout(() => void sink.accept(message).catch(ignore), 50);
  else if (plant !== 'early-ack') return sink.accept(message).then(() => ack(message.channelMessageId));
  else void sink.accept(message).catch(ignore);
  ack(message.channelMessageId);
  return null;
};

/**
 * Planted bug "finish-apart": a turn's reply commits without its customer messages marked answered; their waiting
 * marker is cleared in a transaction of its own a moment later. A kill in between (or a pass that reads them still
 * waiting) answers them a second time.
 */
function finishApart(): void {
  const store = core.ctx.pipeline.store;
  const complete = store.completeTurn.bind(store);
  const finish = core.ctx.store.sqlite.prepare('UPDATE messages SET turn_state = NULL WHERE id = ?');
  store.completeTurn = (messageIds, ...rest) => {
    const result = complete([], ...rest);
    setImmediate(() => messageIds.forEach((id) => finish.run(id)));
    return result;
  };
}

const acked = readAcked(dataDir);
process.stdout.write('ready\n');
let count = 0;
const inFlight: Promise<void>[] = [];
// Round-robin interleaves conversations (each one's next message arrives after all the others'); with pacing on, a
// conversation's messages arrive as one burst, as a customer types them, so the debounce has a burst to merge whatever
// the machine's speed (round-robin on a fast or a loaded machine let the 25 ms debounce expire between messages).
const order: Array<[conversation: number, n: number]> = [];
for (let n = 0; n < perConversation; n++) {
  for (let conversation = 0; conversation < conversations; conversation++) order.push([conversation, n]);
}
if (process.env.SOUQ_CRASH_PACING === '1') order.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
for (const [conversation, n] of order) {
  const id = messageId(conversation, n);
  if (acked.has(id)) continue;
  const stored = accept({
    accountId,
    channelMessageId: id,
    from: `2135${String(conversation).padStart(8, '0')}@s.whatsapp.net`,
    kind: 'text',
    text: `conversation ${conversation} message ${n}`,
    at: new Date().toISOString(),
  });
  if (stored) inFlight.push(stored);
  count += 1;
  if (count % 25 === 0) {
    await Promise.all(inFlight.splice(0));
    process.stdout.write(`acked ${count}\n`);
    // Let the worker and dispatcher run while messages keep arriving.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
await Promise.all(inFlight.splice(0));
process.stdout.write('fed\n');
await new Promise((resolve) => setTimeout(resolve, 80)); // a late write lands before draining
await core.ctx.pipeline.drain();
await core.close();
process.stdout.write('drained\n');
