import { afterEach, describe, expect, it } from 'vitest';
import { BudgetExhaustedError, withRetries } from '../../electron/core/brain/llm/retry';
import { MalformedOutputError } from '../../electron/core/brain/llm/chat-client';
import type { FakeStep } from '../../electron/core/test-utils/fake-openai-server';
import { fakeEndpointPerFile } from './endpoint-per-file';
import { type Harness, llmJson, makeHarness } from './harness';

const server = fakeEndpointPerFile();
let h: Harness | null = null;

afterEach(async () => {
  await h?.close();
  h = null;
});

/** A router whose per-request timeout is the 20 s default: only the turn budget can cut a hang short. */
async function harness(replyTimeLimitSeconds: number): Promise<Harness> {
  const made = await makeHarness(server.baseUrl, {
    llm: { timeoutMs: 20_000, retry: { attempts: 3, baseDelayMs: 50, maxDelayMs: 8_000 } },
  });
  await made.configure({ llm: { replyTimeLimitSeconds } });
  return made;
}

const slowCompletion = (reply: string, delayMs: number): FakeStep => ({
  kind: 'completion',
  content: JSON.stringify(llmJson({ reply })),
  delayMs,
});

describe('one LLM time budget per customer turn', () => {
  it('a hanging endpoint costs the customer the budget, not 3 × 20 s: the offline brain answers', async () => {
    h = await harness(2);
    // One hang is all it takes: the first try alone outlasts the budget (steps left over would leak into the next test).
    server.script({ kind: 'hang', ms: 30_000 });
    const started = performance.now();
    const decision = await h.brain.decide(h.input('prix robe rouge ?'));
    const took = performance.now() - started;
    expect(took).toBeGreaterThan(1_900);
    expect(took).toBeLessThan(3_000);
    expect(decision.reply).toBe('La Robe de soirée rouge est à 6500 DA.');
    expect(h.offlineCalls).toHaveLength(1);
    expect(server.requests).toHaveLength(1);
    expect(h.logs.some((l) => l.includes('reply time'))).toBe(true);
  });

  it('the regeneration after a guardrail failure shares the same budget', async () => {
    h = await harness(2);
    // A wrong price after 1.5 s, then a regeneration that hangs: it only gets the 0.5 s left.
    server.script(slowCompletion('La Robe de soirée rouge est à 5 000 DA.', 1_500), { kind: 'hang', ms: 30_000 });
    const started = performance.now();
    const decision = await h.brain.decide(h.input('prix robe rouge ?'));
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(server.requests).toHaveLength(2);
    expect(decision.reply).toBe('La Robe de soirée rouge est à 6500 DA.');
  });

  it('a seller who allows more time gets the slower answer', async () => {
    h = await harness(4);
    server.script(slowCompletion('La Robe de soirée rouge est à 6 500 DA.', 2_500));
    const decision = await h.brain.decide(h.input('prix robe rouge ?'));
    expect(decision.reply).toBe('La Robe de soirée rouge est à 6 500 DA.');
  });

  it('does not sleep through a backoff that would outlast the budget', async () => {
    let now = 0;
    const slept: number[] = [];
    const run = withRetries(
      async () => {
        now += 100;
        throw new MalformedOutputError('half a JSON object');
      },
      { attempts: 5, baseDelayMs: 400, maxDelayMs: 10_000, sleep: async (ms) => void (slept.push(ms), (now += ms)) },
      { deadline: 1_000, now: () => now, ms: 1_000 },
    );
    await expect(run).rejects.toBeInstanceOf(BudgetExhaustedError);
    // 100 try + 400 wait + 100 try = 600; the next wait (800) would pass 1 000: stop.
    expect(slept).toEqual([400]);
  });
});
