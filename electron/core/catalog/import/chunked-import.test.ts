import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../../shared/contract';
import { type Core, createCore } from '../../create-core';
import { makeImportCsv } from '../../test-utils/catalog-csv';
import { startLagSampler } from '../../test-utils/loop-lag';

let core: Core | undefined;
let dataDir: string;
afterEach(async () => {
  await core?.close();
  core = undefined;
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function open(): Promise<Core> {
  core = await createCore({ dataDir, paused: true });
  return core;
}
async function call<T>(c: Core, name: string, input: unknown): Promise<T> {
  const envelope = await c.app.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}
const fresh = () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-chunked-'));
};

describe('chunked catalog import', () => {
  it('keeps the event loop responsive (lag p99 < 250 ms) through a 50,000-row import, with progress events', async () => {
    fresh();
    const c = await open();
    const shopId = (await call<{ id: number }>(c, 'shops/create', { name: 'Quincaillerie Sfax', currency: 'TND' })).id;
    const events: EventMessage[] = [];
    c.bus.subscribe((e) => events.push(e));
    const csv = makeImportCsv(50_000);
    // What this machine's load alone does to a 10 ms timer (npm test runs files in parallel on 2 cores).
    const idle = startLagSampler();
    await new Promise((r) => setTimeout(r, 1500));
    const baseline = await idle.stop();
    const lag = startLagSampler();
    // Another caller keeps being served while the import runs (the UI, the pipeline).
    let served = 0;
    const pings = setInterval(() => void c.app.dispatch('catalog/list-categories', { shopId }).then(() => served++), 50);
    const summary = await call<{ created: number; totalRows: number; errors: unknown[]; assumptions: { code: string; count: number }[] }>(
      c,
      'catalog/commit-import',
      { shopId, csv },
    );
    clearInterval(pings);
    const lags = await lag.stop();
    expect(summary.totalRows).toBe(50_000);
    expect(summary.errors).toEqual([]);
    const grouped = summary.assumptions.find((a) => a.code === 'variants_grouped')?.count ?? 0;
    expect(summary.created + grouped).toBe(50_000);
    // The import's own share of the lag stays under 250 ms at p99 (on an idle machine: p99 ≈ 140 ms).
    expect(lags.p99, JSON.stringify({ lags, baseline })).toBeLessThan(250 + baseline.p99);
    expect(served).toBeGreaterThan(5);
    const progress = events.filter((e) => e.name === 'catalog/import-progress').map((e) => e.payload as { done: number; total: number });
    expect(progress.length).toBeGreaterThan(10);
    expect(progress.at(-1)).toEqual({ shopId, done: summary.created, total: summary.created });
    // Indexed when the call answers: the bot and the seller's search find the new products.
    expect((await call<{ total: number }>(c, 'catalog/list', { shopId, query: 'TN-4999' })).total).toBeGreaterThan(0);
    expect(c.ctx.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM catalog_index_queue`).get()).toEqual({ n: 0 });
  }, 300_000);

  it('leaves the old catalog exactly as it was when the final write fails', async () => {
    fresh();
    const c = await open();
    const shopId = (await call<{ id: number }>(c, 'shops/create', { name: 'Bio Lisboa', currency: 'EUR' })).id;
    await call(c, 'catalog/commit-import', {
      shopId,
      csv: 'sku,name,price,stock\nSAB-1,Sabonete de azeite,4.5,10\nMEL-1,Mel de rosmaninho,9.9,3\n',
    });
    const before = c.ctx.store.sqlite.prepare(`SELECT sku, price, stock FROM products ORDER BY sku`).all();
    // The disk "fails" on one row of the new file, inside the one transaction.
    c.ctx.store.sqlite.exec(
      `CREATE TEMP TRIGGER fail_import BEFORE INSERT ON main.products WHEN NEW.sku = 'BAD-9' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`,
    );
    const csv = ['sku,name,price,stock', 'SAB-1,Sabonete de azeite,5.2,8', 'NEW-1,Creme de mãos,7,2', 'BAD-9,Vela de cera,12,1'].join('\n');
    const failed = await c.app.dispatch('catalog/commit-import', { shopId, csv });
    expect(failed.ok).toBe(false);
    expect(c.ctx.store.sqlite.prepare(`SELECT sku, price, stock FROM products ORDER BY sku`).all()).toEqual(before);
    expect(c.ctx.store.sqlite.prepare(`SELECT COUNT(*) AS n FROM catalog_index_queue`).get()).toEqual({ n: 0 });
  });

  it('indexes at the next start what a crash left in the queue', async () => {
    fresh();
    let c = await open();
    const shopId = (await call<{ id: number }>(c, 'shops/create', { name: 'Ciclo Porto', currency: 'EUR' })).id;
    await call(c, 'catalog/commit-import', { shopId, csv: 'sku,name,price\nBIC-1,Bicicleta urbana,349\n' });
    // As if the process died after the commit, before the index was written.
    const { sqlite } = c.ctx.store;
    const id = (sqlite.prepare(`SELECT id FROM products WHERE sku = 'BIC-1'`).get() as { id: number }).id;
    sqlite.prepare(`DELETE FROM products_words WHERE rowid = ?`).run(id);
    sqlite.prepare(`DELETE FROM products_tri WHERE rowid = ?`).run(id);
    sqlite.prepare(`INSERT INTO catalog_index_queue (product_id, shop_id) VALUES (?, ?)`).run(id, shopId);
    expect((await call<{ total: number }>(c, 'catalog/list', { shopId, query: 'bicicleta' })).total).toBe(0);
    await c.close();
    c = await open();
    await expect.poll(async () => (await call<{ total: number }>(c, 'catalog/list', { shopId, query: 'bicicleta' })).total).toBe(1);
  });
});
