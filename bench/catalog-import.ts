import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCore } from '../electron/core/create-core';
import { startLagSampler } from '../electron/core/test-utils/loop-lag';
import { makeImportCsv } from '../electron/core/test-utils/catalog-csv';

/**
 * A 50,000-row catalog import through the contract (`catalog/commit-import`, as the Catalog page
 * sends it) while a 10 ms timer stands in for the UI and the pipeline: the event loop's delay
 * percentiles during the import, the import's wall time and the heap it left. Messy rows from a
 * shop unlike the samples (hardware and phone accessories in Tunisia, French/Arabic/Italian names,
 * one row per variant for a share of them, blank stock cells). Prints nothing.
 */
export const ROWS = 50_000;

export async function run(): Promise<Record<string, number>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-bench-import-'));
  const core = await createCore({ dataDir, paused: true });
  try {
    const created = await core.app.dispatch('shops/create', { name: 'Quincaillerie Sfax', currency: 'TND' });
    if (!created.ok) throw new Error(created.error.message);
    const shopId = (created.value as { id: number }).id;
    const csv = makeImportCsv(ROWS);
    const heapBefore = process.memoryUsage().heapUsed;
    const lag = startLagSampler();
    const started = performance.now();
    const result = await core.app.dispatch('catalog/commit-import', { shopId, csv });
    const ms = performance.now() - started;
    const lags = await lag.stop();
    if (!result.ok) throw new Error(result.error.message);
    const summary = result.value as { created: number };
    return {
      rows: ROWS,
      products: summary.created,
      import_ms: Math.round(ms),
      lag_p50_ms: lags.p50,
      lag_p99_ms: lags.p99,
      lag_max_ms: lags.max,
      heap_mb: Math.round((process.memoryUsage().heapUsed - heapBefore) / 1e6),
    };
  } finally {
    await core.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
