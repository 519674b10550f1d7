import { performance } from 'node:perf_hooks';
import { makeHarness, DZ_SHOP, BR_SHOP } from '../tests/brain/harness';

const MESSAGES = [
  'slm ch7al had sac noir?',
  'Bonjour, vous avez les baskets en 41 ?',
  'السلام عليكم بشحال الفستان الأحمر؟',
  "c'est trop cher, dernier prix ?",
  'How much is the oud perfume gift box?',
  'Quel est le délai de livraison à Tamanrasset ?',
  'nheb ncommandi sac noir, livraison l wahran',
  'merci bcp 3lik',
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * Offline-brain decision time: one full `decide` per message (language, intent, retrieval over
 * the fixture catalog, closer, SQLite state read + write), fresh conversations, warm process.
 */
export async function run(): Promise<{ p50_ms: number; p95_ms: number }> {
  const h = await makeHarness();
  try {
    const times: number[] = [];
    for (let round = 0; round < 40; round++) {
      const c = await h.conversation(round % 5 === 4 ? BR_SHOP : DZ_SHOP);
      for (const text of MESSAGES) {
        const t0 = performance.now();
        await c.say(text);
        if (round >= 5) times.push(performance.now() - t0); // first rounds warm the JIT
      }
    }
    times.sort((a, b) => a - b);
    const round2 = (n: number) => Math.round(n * 1000) / 1000;
    return { p50_ms: round2(percentile(times, 50)), p95_ms: round2(percentile(times, 95)) };
  } finally {
    await h.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify({ brain: await run() }));
}
