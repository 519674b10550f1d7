import { makeCoreShopBrain } from '../electron/core/brain/index';
import type { ChatClient } from '../electron/core/brain/llm/chat-client';
import { EventBus } from '../electron/core/events';
import { apiKeySecretName } from '../electron/core/settings/app';
import { openDatabase } from '../electron/core/database';
import { makeSettingsRepo } from '../electron/core/settings/settings-repo';
import { makeShopsRepo } from '../electron/core/shops/shops-repo';
import { modelAnswer } from '../electron/core/test-utils/decisions';
import { seedBenchShop, timeTurns } from './brain';
import { percentile, round } from './lib/util';
import { makeCoreServices } from '../electron/core/services';

/** A model that answers at once with a plain reply the guardrails pass: the turn's own CPU is what is timed. */
const instantModel = (): ChatClient => ({
  async complete() {
    const reply = modelAnswer({ reply: 'Bien sûr ! Je vous donne tous les détails tout de suite.' });
    return { content: JSON.stringify(reply), tokens: 120 };
  },
});

/**
 * Core's CPU per LLM-answered turn at 10,000 products, as create-core wires the brain (router,
 * offline brain, FTS retrieval, guardrails, spend cap, violations), with a model that answers
 * instantly: wall time and process CPU time per `decide`, fresh conversations, warm process.
 */
export async function run(): Promise<{ p50_ms: number; p95_ms: number; cpu_ms_per_turn: number; products: number }> {
  const store = await openDatabase({ file: ':memory:' });
  try {
    const products = seedBenchShop(store);
    const settings = makeSettingsRepo(store.db);
    await settings.update(
      1,
      {
        llm: { baseUrl: 'https://llm.bench.invalid/v1', model: 'bench', dailyTokenCap: 1_000_000_000, perCustomerDailyMessageCap: 10_000 },
        facts: { deliveryZones: [{ name: 'Oran', fee: 600, delayDays: '2-3' }] },
      },
      'now',
    );
    const cached = await settings.get(1);
    const brain = makeCoreShopBrain({
      ...makeCoreServices(store),
      db: store.db,
      sqlite: store.sqlite,
      settingsOf: async () => cached,
      shops: makeShopsRepo(store.db),
      secrets: { get: async (name) => (name === apiKeySecretName(1) ? 'sk-bench' : null), set: async () => {}, delete: async () => {} },
      bus: new EventBus(),
      clock: { now: () => new Date() },
      logger: { debug() {}, info() {}, warn() {}, error() {} },
      makeClient: instantModel,
    });
    const { wall, cpu } = await timeTurns(store, brain, 30);
    return {
      p50_ms: round(percentile(wall, 50)),
      p95_ms: round(percentile(wall, 95)),
      cpu_ms_per_turn: round(cpu.reduce((sum, ms) => sum + ms, 0) / cpu.length),
      products,
    };
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify({ 'llm-turn': await run() }));
}
