import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../store/open-database';
import { importCatalogCommand } from './import-catalog';

const fixtures = path.join(__dirname, '../../../tests/fixtures');
const dirs: string[] = [];
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-import-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const run = async (argv: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importCatalogCommand(argv, { stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, out, err };
};

describe('souqbot import-catalog', () => {
  it('creates the first shop, imports, then updates on a second run', async () => {
    const dataDir = tmp();
    const first = await run([path.join(fixtures, 'catalog-dz-fashion.csv'), '--data-dir', dataDir]);
    expect(first.code).toBe(0);
    expect(first.err.join('\n')).toMatch(/Created shop 1/);
    expect(first.out).toEqual(['catalog-dz-fashion.csv (native): 12 imported, 0 updated, 0 bad rows.']);
    const again = await run(['--data-dir', dataDir, path.join(fixtures, 'catalog-dz-fashion.csv'), '--shop', '1']);
    expect(again.out).toEqual(['catalog-dz-fashion.csv (native): 0 imported, 12 updated, 0 bad rows.']);
    const store = await openDatabase({ file: path.join(dataDir, 'souqbot.sqlite') });
    try {
      expect(store.sqlite.prepare('SELECT COUNT(*) AS n FROM products WHERE shop_id = 1').get()).toEqual({ n: 12 });
    } finally {
      await store.close();
    }
  });

  it('prints bad rows with their line numbers and keeps the good ones', async () => {
    const dataDir = tmp();
    const file = path.join(dataDir, 'mixed.csv');
    fs.writeFileSync(file, 'sku,name,name_ar,category,price,currency,stock,variants,aliases,description\nA,Robe,,robes,100,,2,,,\nB,Sac,,sacs,cher,,,,,\nC,,,x,5,,,,,\n');
    const { code, out } = await run([file, '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(out).toEqual(['mixed.csv (native): 1 imported, 0 updated, 2 bad rows:', '  line 3 (B): price "cher" is not a number', '  line 4 (C): no product name']);
  });

  it('reads Shopify and WooCommerce exports', async () => {
    const dataDir = tmp();
    expect((await run([path.join(fixtures, 'shopify-products-sample.csv'), '--data-dir', dataDir])).out[0]).toBe('shopify-products-sample.csv (shopify): 3 imported, 0 updated, 0 bad rows.');
    expect((await run([path.join(fixtures, 'woocommerce-products-sample.csv'), '--data-dir', dataDir])).out[0]).toBe('woocommerce-products-sample.csv (woocommerce): 3 imported, 0 updated, 0 bad rows.');
  });

  it('refuses a missing file or an unknown shop in plain words', async () => {
    const dataDir = tmp();
    await expect(run([path.join(dataDir, 'nope.csv'), '--data-dir', dataDir])).rejects.toThrow(/not found/);
    await expect(run([path.join(fixtures, 'catalog-br-digital.csv'), '--data-dir', dataDir, '--shop', '7'])).rejects.toThrow(/No shop 7/);
  });
});
