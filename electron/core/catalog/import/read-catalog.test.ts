import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCatalogCsv } from './export-csv';
import { readCatalog } from './read-catalog';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, '../../../../tests/fixtures', name), 'utf8');
const opts = { defaultCurrency: 'DZD' };

describe('readCatalog: native layout', () => {
  it('reads the Algerian fashion catalog: Arabic names, aliases, variants, real and zero stock', () => {
    const r = readCatalog(fixture('catalog-dz-fashion.csv'), opts);
    expect(r.format).toBe('native');
    expect(r.errors).toEqual([]);
    expect(r.rows).toHaveLength(12);
    const dress = r.rows[0]?.product;
    expect(r.rows[0]?.line).toBe(2);
    expect(dress).toMatchObject({
      sku: 'DZ-DR-001',
      name: 'Robe de soirée rouge',
      altNames: ['فستان سهرة أحمر'],
      category: 'robes',
      price: 6500,
      currency: 'DZD',
      stock: 3,
      aliases: ['robe rouge', 'fostan', 'فستان', 'كسوة'],
    });
    expect(dress?.variants.map((v) => v.name)).toEqual(['S', 'M', 'L']);
    expect(r.rows.find((x) => x.product.sku === 'DZ-DR-003')?.product.stock).toBe(0);
  });

  it('reads blank stock as unlimited (digital products)', () => {
    const r = readCatalog(fixture('catalog-br-digital.csv'), opts);
    expect(r.rows.map((x) => [x.product.sku, x.product.stock, x.product.currency])).toEqual([
      ['BR-CR-001', null, 'BRL'],
      ['BR-CR-002', 10, 'BRL'],
      ['BR-EB-001', null, 'BRL'],
      ['BR-EB-002', null, 'BRL'],
    ]);
  });

  it('keeps good rows and reports bad ones with their line numbers, multi-line cells counted', () => {
    const csv = [
      'sku,name,name_ar,category,price,currency,stock,variants,aliases,description',
      'A-1,Robe,,robes,6500,DZD,3,,,"two',
      'lines"',
      'A-2,,,robes,100,DZD,,,,no name',
      'A-3,Sac,,sacs,cher,DZD,,,,bad price',
      'A-4,Montre,,acc,3500,DZD,beaucoup,,,bad stock',
      'A-1,Robe again,,robes,1,DZD,,,,duplicate',
      'A-5,Foulard,,acc,"1 500,00",,,,,ok with default currency',
    ].join('\n');
    const r = readCatalog(csv, opts);
    expect(r.rows.map((x) => [x.line, x.product.sku, x.product.price, x.product.currency])).toEqual([
      [2, 'A-1', 6500, 'DZD'],
      [8, 'A-5', 1500, 'DZD'],
    ]);
    expect(r.errors.map((e) => [e.line, e.reason])).toEqual([
      [4, 'no product name'],
      [5, 'price "cher" is not a number'],
      [6, 'stock "beaucoup" is not a whole number'],
      [7, 'SKU A-1 already appears on line 2; this row was skipped'],
    ]);
  });

  it('exports to CSV that reads back to the same products', () => {
    const first = readCatalog(fixture('catalog-dz-fashion.csv'), opts).rows.map((r) => r.product);
    const again = readCatalog(exportCatalogCsv(first.map((p, i) => ({ ...p, id: i + 1, shopId: 1 }))), opts);
    expect(again.format).toBe('native');
    expect(again.errors).toEqual([]);
    expect(again.rows.map((r) => r.product)).toEqual(first);
  });
});

describe('readCatalog: Shopify export', () => {
  it('groups variant rows by Handle into one product with per-variant SKU, price and stock', () => {
    const r = readCatalog(fixture('shopify-products-sample.csv'), { defaultCurrency: 'MAD' });
    expect(r.format).toBe('shopify');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.product.sku)).toEqual(['caftan-velours', 'ARG-100', 'babouches-cuir']);
    const caftan = r.rows[0]?.product;
    expect(caftan).toMatchObject({
      name: 'Caftan en velours brodé',
      price: 1290,
      compareAtPrice: 1490,
      stock: 11,
      category: 'Caftans',
      currency: 'MAD',
    });
    expect(caftan?.variants).toEqual([
      {
        name: 'S / Bordeaux',
        sku: 'CF-VEL-S-BOR',
        price: 1290,
        stock: 4,
        compareAtPrice: 1490,
        options: [
          { name: 'Taille', value: 'S' },
          { name: 'Couleur', value: 'Bordeaux' },
        ],
      },
      {
        name: 'M / Bordeaux',
        sku: 'CF-VEL-M-BOR',
        price: 1290,
        stock: 0,
        compareAtPrice: 1490,
        options: [
          { name: 'Taille', value: 'M' },
          { name: 'Couleur', value: 'Bordeaux' },
        ],
      },
      {
        name: 'L / Vert',
        sku: 'CF-VEL-L-VER',
        price: 1290,
        stock: 7,
        compareAtPrice: 1490,
        options: [
          { name: 'Taille', value: 'L' },
          { name: 'Couleur', value: 'Vert' },
        ],
      },
    ]);
    expect(r.assumptions).toEqual([{ code: 'variants_grouped', count: 3, lines: [3, 4, 7] }]);
    expect(caftan?.images).toEqual(['https://cdn.example.com/caftan-bordeaux.jpg', 'https://cdn.example.com/caftan-vert.jpg']);
    expect(caftan?.description).toBe('Caftan marocain en velours, broderie dorée faite main.');
    expect(caftan?.aliases).toEqual(['caftan', 'velours', 'fête']);
    const argan = r.rows[1]?.product;
    expect(argan).toMatchObject({ name: "Huile d'argan bio 100 ml", price: 149, stock: 35, variants: [] });
    expect(r.rows[2]?.product.variants.map((v) => v.name)).toEqual(['38', '40']);
  });
});

describe('readCatalog: WooCommerce export', () => {
  it('attaches variations to their variable parent and reads simple products', () => {
    const r = readCatalog(fixture('woocommerce-products-sample.csv'), opts);
    expect(r.format).toBe('woocommerce');
    expect(r.errors).toEqual([]);
    expect(r.rows.map((x) => x.product.sku)).toEqual(['TSH-DZ', 'MUG-DZ', 'CHARGE-USB-C']);
    const tshirt = r.rows[0]?.product;
    expect(tshirt?.variants).toEqual([
      { name: 'S', sku: 'TSH-DZ-S', price: 1800, stock: 20, compareAtPrice: null, options: [{ name: 'Taille', value: 'S' }] },
      { name: 'M', sku: 'TSH-DZ-M', price: 1800, stock: 0, compareAtPrice: null, options: [{ name: 'Taille', value: 'M' }] },
      { name: 'L', sku: 'TSH-DZ-L', price: 1500, stock: 6, compareAtPrice: 1800, options: [{ name: 'Taille', value: 'L' }] },
    ]);
    expect(tshirt).toMatchObject({ price: 1500, compareAtPrice: 1800, stock: 26, category: 'T-shirts' });
    expect(r.rows[2]?.product).toMatchObject({ name: 'Chargeur rapide USB-C 25W', price: 2400, stock: 3, category: 'Électronique' });
  });
  it('reports a variation whose parent is missing', () => {
    const csv = fixture('woocommerce-products-sample.csv').replace(
      '104,variation,TSH-DZ-L,T-shirt Algérie 2026 - L,1,,,1,6,1500,1800,,,,id:101',
      '104,variation,TSH-DZ-L,T-shirt Algérie 2026 - L,1,,,1,6,1500,1800,,,,id:999',
    );
    const r = readCatalog(csv, opts);
    expect(r.errors).toEqual([
      {
        line: 5,
        reason: `variation's parent "id:999" is not in the file`,
        sku: 'TSH-DZ-L',
        notice: { code: 'parent_missing', params: { parent: 'id:999' } },
      },
    ]);
    expect(r.rows[0]?.product.variants).toHaveLength(2);
  });
});

describe('readCatalog: other layouts', () => {
  it('guesses a mapping from French headers with semicolons, and reports what is missing', () => {
    const csv = 'Référence;Modèle;Prix;Quantité;Catégorie\nR1;Robe kabyle;9 800;12;Robes\n';
    const r = readCatalog(csv, opts);
    expect(r.format).toBe('mapped');
    expect(r.mapping).toMatchObject({ sku: 'Référence', price: 'Prix', stock: 'Quantité', category: 'Catégorie' });
    expect(r.missing).toEqual(['name']);
    const fixed = readCatalog(csv, { ...opts, mapping: { ...r.mapping, name: 'Modèle' } });
    expect(fixed.missing).toEqual([]);
    expect(fixed.rows[0]?.product).toMatchObject({ sku: 'R1', name: 'Robe kabyle', price: 9800, stock: 12, category: 'Robes' });
  });
  it('follows an explicit mapping and makes SKUs from names when there is no SKU column', () => {
    const csv = 'Produto,Valor\nCurso de Excel,"197,00"\n';
    const r = readCatalog(csv, { defaultCurrency: 'BRL', mapping: { name: 'Produto', price: 'Valor' } });
    expect(r.rows[0]?.product).toMatchObject({ sku: 'CURSO-DE-EXCEL', name: 'Curso de Excel', price: 197, currency: 'BRL', stock: null });
  });
});

describe('readCatalog: a spreadsheet with one row per variant', () => {
  it('maps "variant_name" to the variant’s name (not to the size list), and groups the rows into one product per SKU', () => {
    const csv = [
      'sku,name,price,stock,variant_name,variant_sku,variant_price,variant_stock',
      'PULL-1,Pull laine,3500,,S,PULL-1-S,,4',
      'PULL-1,Pull laine,3500,,M,PULL-1-M,3700,0',
    ].join('\n');
    const r = readCatalog(csv, opts);
    expect(r.mapping).toMatchObject({ variant: 'variant_name', variantSku: 'variant_sku' });
    expect(r.mapping.variants).toBeUndefined();
    expect(r.errors).toEqual([]);
    expect(r.rows.map((row) => row.product.variants.map((v) => [v.name, v.sku, v.price, v.stock]))).toEqual([
      [
        ['S', 'PULL-1-S', null, 4],
        ['M', 'PULL-1-M', 3700, 0],
      ],
    ]);
  });
});
