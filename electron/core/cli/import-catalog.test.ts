import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
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
  it('never creates a shop silently; --new-shop creates it, then imports, then updates on a second run', async () => {
    const dataDir = tmp();
    await expect(run([path.join(fixtures, 'catalog-dz-fashion.csv'), '--data-dir', dataDir])).rejects.toThrow(
      /no shop in .* yet.*--new-shop/,
    );
    const first = await run([
      path.join(fixtures, 'catalog-dz-fashion.csv'),
      '--data-dir',
      dataDir,
      '--new-shop',
      'Boutique Amina',
      '--currency',
      'dzd',
    ]);
    expect(first.code).toBe(0);
    expect(first.err.join('\n')).toMatch(/Created shop 1 "Boutique Amina" \(DZD\)/);
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
    fs.writeFileSync(
      file,
      'sku,name,name_ar,category,price,currency,stock,variants,aliases,description\nA,Robe,,robes,100,,2,,,\nB,Sac,,sacs,cher,,,,,\nC,,,x,5,,,,,\nD,Montre,,acc,"1,200.50.3",,1,,,\nE,Bague,,acc,900,,,,,\n',
    );
    const { code, out } = await run([file, '--data-dir', dataDir, '--new-shop', 'Bijoux Oran', '--currency', 'DZD']);
    expect(code).toBe(0);
    expect(out).toEqual([
      'mixed.csv (native): 2 imported, 0 updated, 3 bad rows:',
      '  line 3 (B): price "cher" is not a number',
      '  line 4 (C): no product name',
      '  line 5 (D): price "1,200.50.3" is ambiguous (check its dots and commas)',
      '  1 row has an empty stock cell, taken as not counted: never sold out (line 6)',
    ]);
  });

  it('reads Shopify and WooCommerce exports', async () => {
    const dataDir = tmp();
    await run([path.join(fixtures, 'catalog-br-digital.csv'), '--data-dir', dataDir, '--new-shop', 'Dar Lalla', '--currency', 'MAD']);
    expect((await run([path.join(fixtures, 'shopify-products-sample.csv'), '--data-dir', dataDir])).out).toContain(
      'shopify-products-sample.csv (shopify): 3 imported, 0 updated, 0 bad rows.',
    );
    expect((await run([path.join(fixtures, 'woocommerce-products-sample.csv'), '--data-dir', dataDir])).out[0]).toBe(
      'woocommerce-products-sample.csv (woocommerce): 3 imported, 0 updated, 0 bad rows.',
    );
  });

  it('maps columns with --map, reads a Windows-1252 file with its accents, refuses a spreadsheet binary and an oversize file', async () => {
    const dataDir = tmp();
    const file = path.join(dataDir, 'excel-fr.csv');
    // "Désignation;Prix;Qté\nThé à la menthe;12,50;4" as a French Excel writes it (Windows-1252).
    fs.writeFileSync(file, Buffer.from('D\xe9signation;Prix;Qt\xe9\nTh\xe9 \xe0 la menthe;12,50;4\n', 'latin1'));
    const r = await run([
      file,
      '--data-dir',
      dataDir,
      '--new-shop',
      'Épicerie Nice',
      '--currency',
      'EUR',
      '--map',
      'name=Désignation,price=Prix,stock=Qté',
    ]);
    expect(r.out[0]).toBe('excel-fr.csv (mapped): 1 imported, 0 updated, 0 bad rows.');
    expect(r.err.join('\n')).toMatch(/Windows-1252/);
    const store = await openDatabase({ file: path.join(dataDir, 'souqbot.sqlite') });
    try {
      expect(store.sqlite.prepare('SELECT name, price, stock FROM products').get()).toEqual({
        name: 'Thé à la menthe',
        price: 12.5,
        stock: 4,
      });
    } finally {
      await store.close();
    }
    await expect(run([file, '--data-dir', dataDir, '--map', 'nom=Désignation'])).rejects.toThrow(/--map takes field=Column/);
    const xlsx = path.join(dataDir, 'catalog.xlsx');
    fs.writeFileSync(xlsx, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]));
    await expect(run([xlsx, '--data-dir', dataDir])).rejects.toThrow(/not a CSV\/Excel text file/);
    const huge = path.join(dataDir, 'huge.csv');
    fs.writeFileSync(huge, 'sku,name,price\n');
    fs.truncateSync(huge, 11 * 1024 * 1024);
    await expect(run([huge, '--data-dir', dataDir])).rejects.toThrow(/limit is 10 MB/);
  });

  it('refuses a missing file or an unknown shop in plain words', async () => {
    const dataDir = tmp();
    await expect(run([path.join(dataDir, 'nope.csv'), '--data-dir', dataDir])).rejects.toThrow(/not found/);
    await expect(run([path.join(fixtures, 'catalog-br-digital.csv'), '--data-dir', dataDir, '--shop', '7'])).rejects.toThrow(/No shop 7/);
  });
});
