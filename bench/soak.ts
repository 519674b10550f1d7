import fs from 'node:fs';
import path from 'node:path';
import { createCore, DATABASE_FILE } from '../electron/core/create-core';
import { noPacing, noRateLimits } from '../electron/core/pipeline/policies';
import { numberArg, round, sleep, slope, tmpDir } from './lib/util';

export interface SoakBench {
  minutes: number;
  rss_slope_mb_per_min: number;
  /** The slope of each two minutes' lowest RSS: what stays after collections (the sawtooth's floor). */
  rss_floor_slope_mb_per_min: number;
  heap_slope_mb_per_min: number;
  rss_start_mb: number;
  rss_end_mb: number;
  messages: number;
  db_bytes_per_message: number;
}

const TEXTS = [
  'slm ch7al had sac noir?',
  'Bonjour, vous avez les baskets en 41 ?',
  'السلام عليكم بشحال الفستان الأحمر؟',
  "c'est trop cher, dernier prix ?",
  'nheb ncommandi sac noir, livraison l wahran',
  'merci bcp 3lik',
];

/**
 * The real core (offline brain, the fixture catalog) at a steady `rate` messages/s from many
 * customers for `minutes`, with the inbox list read every second as the open page does. RSS is
 * sampled every 10 s; the slope is fitted after the first fifth (warm-up). Not in the default run.
 */
export async function run(opts: { minutes?: number; rate?: number } = {}): Promise<SoakBench> {
  const minutes = opts.minutes ?? numberArg('minutes', 30);
  const rate = opts.rate ?? numberArg('rate', 10);
  const dir = tmpDir('soak');
  const core = await createCore({ dataDir: dir, rateLimits: noRateLimits, pacing: noPacing, simulator: { fsync: false, receipts: false } });
  try {
    const shop = await core.ctx.repos.shops.create({ name: 'Soak', currency: 'DZD', now: new Date().toISOString() });
    const csv = fs.readFileSync(path.join(import.meta.dirname, '..', 'tests', 'fixtures', 'catalog-dz-fashion.csv'), 'utf8');
    const imported = await core.app.dispatch('catalog/commit-import', { shopId: shop.id, csv });
    if (!imported.ok) throw new Error(`catalog import: ${imported.error.message}`);
    const dbFile = path.join(dir, DATABASE_FILE);
    const dbBytes = () =>
      ['', '-wal'].reduce((n, suffix) => n + (fs.existsSync(dbFile + suffix) ? fs.statSync(dbFile + suffix).size : 0), 0);
    const bytesAtStart = dbBytes();
    const samples: Array<[number, number]> = [];
    const heap: Array<[number, number]> = [];
    const start = Date.now();
    const end = start + minutes * 60_000;
    let sent = 0;
    let nextSample = start;
    let nextList = start;
    while (Date.now() < end) {
      const due = start + (sent * 1000) / rate;
      if (Date.now() < due) await sleep(due - Date.now());
      core.ctx.testPhone.send(shop.id, `+2135500${String(sent % 5_000).padStart(5, '0')}`, `${TEXTS[sent % TEXTS.length]} ${sent}`);
      sent += 1;
      if (Date.now() >= nextList) {
        nextList += 1_000;
        await core.app.dispatch('conversations/list', { shopId: shop.id, limit: 50 });
      }
      if (Date.now() >= nextSample) {
        nextSample += 10_000;
        // Diagnosis (`node --expose-gc`): sample after a full collection, so the sawtooth does not hide what stays.
        (globalThis as { gc?: () => void }).gc?.();
        const at = (Date.now() - start) / 60_000;
        samples.push([at, process.memoryUsage.rss() / 1_048_576]);
        heap.push([at, process.memoryUsage().heapUsed / 1_048_576]);
        if (process.env.SOUQ_BENCH_VERBOSE) {
          // Where growth outside the JS heap lives: V8's external/array buffers vs native (SQLite, malloc).
          const m = process.memoryUsage();
          const mb = (n: number) => (n / 1_048_576).toFixed(1);
          const wal = fs.existsSync(`${dbFile}-wal`) ? fs.statSync(`${dbFile}-wal`).size : 0;
          process.stderr.write(
            `soak ${at.toFixed(1)} min: rss ${mb(m.rss)} heapTotal ${mb(m.heapTotal)} heapUsed ${mb(m.heapUsed)} external ${mb(m.external)} arrayBuffers ${mb(m.arrayBuffers)} wal ${mb(wal)} db ${mb(dbBytes())}\n`,
          );
        }
      }
    }
    await core.ctx.pipeline.drain();
    core.ctx.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const afterWarmUp = (points: Array<[number, number]>) => points.filter(([m]) => m >= minutes / 5);
    const warm = afterWarmUp(samples);
    const floors = new Map<number, [number, number]>();
    for (const [m, mb] of warm) {
      const bucket = Math.floor(m / 2);
      const seen = floors.get(bucket);
      if (!seen || mb < seen[1]) floors.set(bucket, [m, mb]);
    }
    return {
      minutes,
      rss_slope_mb_per_min: round(slope(warm), 3),
      rss_floor_slope_mb_per_min: round(slope([...floors.values()]), 3),
      heap_slope_mb_per_min: round(slope(afterWarmUp(heap)), 3),
      rss_start_mb: round(warm[0]?.[1] ?? NaN, 1),
      rss_end_mb: round(samples.at(-1)?.[1] ?? NaN, 1),
      messages: sent,
      // Both directions: each customer message stores its reply too.
      db_bytes_per_message: Math.round((dbBytes() - bytesAtStart) / sent),
    };
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
