import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/contract';
import { coreForFile } from '../test-utils/file-core';

const fixtures = path.join(__dirname, '../../../tests/fixtures');
const events: EventMessage[] = [];

const suite = coreForFile('souq-catalog-', { paused: true });
const { call } = suite;
beforeAll(() => {
  suite.core.bus.subscribe((e) => events.push(e));
});

describe('catalog and knowledge through the contract', () => {
  it('previews without writing, imports with progress events, lists, searches, edits, exports, deletes', async () => {
    const shop = await call<{ id: number }>('shops/create', { name: 'Dz', currency: 'DZD' });
    const shopId = shop.id;
    const csv = fs.readFileSync(path.join(fixtures, 'catalog-dz-fashion.csv'), 'utf8');

    const preview = await call<{ format: string; rows: { exists: boolean }[]; totalRows: number; missing: string[] }>(
      'catalog/preview-import',
      { shopId, csv, limit: 3 },
    );
    expect(preview).toMatchObject({ format: 'native', totalRows: 12, missing: [] });
    expect(preview.rows).toHaveLength(3);
    expect((await call<{ total: number }>('catalog/list', { shopId })).total).toBe(0);

    const summary = await call<{ created: number; updated: number; errors: unknown[] }>('catalog/commit-import', { shopId, csv });
    expect(summary).toMatchObject({ created: 12, updated: 0, errors: [] });
    const progress = events.filter((e) => e.name === 'catalog/import-progress').map((e) => e.payload);
    expect(progress.at(-1)).toEqual({ shopId, done: 12, total: 12 });
    expect(events.some((e) => e.name === 'catalog/changed')).toBe(true);

    const page = await call<{ items: { sku: string }[]; total: number }>('catalog/list', { shopId, limit: 5 });
    expect(page.total).toBe(12);
    expect(page.items).toHaveLength(5);
    const found = await call<{ items: { id: number; sku: string }[] }>('catalog/list', { shopId, query: 'fostan rouge' });
    expect(found.items[0]?.sku).toBe('DZ-DR-001');
    const bySku = await call<{ items: { sku: string }[] }>('catalog/list', { shopId, query: 'DZ-BG' });
    expect(bySku.items.slice(0, 2).map((p) => p.sku)).toEqual(['DZ-BG-001', 'DZ-BG-002']);

    const productId = found.items[0]?.id ?? 0;
    const edited = await call<{ price: number; stock: number | null }>('catalog/update-product', {
      shopId,
      productId,
      price: 5900,
      stock: null,
    });
    expect(edited).toMatchObject({ price: 5900, stock: null });
    const bad = await suite.core.app.dispatch('catalog/update-product', { shopId, productId, price: -1 });
    expect(bad.ok).toBe(false);

    const exported = await call<{ csv: string; count: number }>('catalog/export-csv', { shopId });
    expect(exported.count).toBe(12);
    expect(exported.csv).toContain('DZ-DR-001,Robe de soirée rouge,فستان سهرة أحمر,robes,5900,DZD,,S|M|L');
    const reimport = await call<{ created: number; updated: number }>('catalog/commit-import', { shopId, csv: exported.csv });
    expect(reimport).toMatchObject({ created: 0, updated: 12 });

    expect(await call('catalog/delete-product', { shopId, productId })).toMatchObject({
      deleted: true,
      archived: false,
      product: { id: productId },
    });
    expect((await suite.core.app.dispatch('catalog/get', { shopId, productId })).ok).toBe(false);
    const cats = await call<{ category: string; count: number }[]>('catalog/list-categories', { shopId });
    expect(cats.find((c) => c.category === 'robes')?.count).toBe(2);
  });

  it('asks for a mapping when it cannot tell which column is the name, then imports with it', async () => {
    const shop = await call<{ id: number }>('shops/create', { name: 'Br', currency: 'BRL' });
    const csv = 'Código;Modelo;Valor\nX1;Curso de Excel;"197,00"\n';
    const preview = await call<{ format: string; missing: string[]; mapping: Record<string, string> }>('catalog/preview-import', {
      shopId: shop.id,
      csv,
    });
    expect(preview.missing).toEqual(['name']);
    const refused = await suite.core.app.dispatch('catalog/commit-import', { shopId: shop.id, csv });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const done = await call<{ created: number }>('catalog/commit-import', {
      shopId: shop.id,
      csv,
      mapping: { ...preview.mapping, name: 'Modelo' },
    });
    expect(done.created).toBe(1);
    const [product] = (await call<{ items: { name: string; price: number; currency: string }[] }>('catalog/list', { shopId: shop.id }))
      .items;
    expect(product).toMatchObject({ name: 'Curso de Excel', price: 197, currency: 'BRL' });
  });

  it('keeps an FAQ, answers the test panel, approves and dismisses learned entries', async () => {
    const shop = await call<{ id: number }>('shops/create', { name: 'Kb', currency: 'DZD' });
    const shopId = shop.id;
    const entry = await call<{ id: number; status: string; source: string }>('knowledge/save', {
      shopId,
      question: 'Vous livrez dans quelles wilayas ?',
      answer: 'Nous livrons dans les 58 wilayas, 48 h à Alger.',
      keywords: ['livraison', 'wilaya', 'tawsil'],
    });
    expect(entry).toMatchObject({ status: 'active', source: 'seller' });
    const asked = await call<{ answer: string | null; entries: { entry: { id: number }; score: number }[] }>('knowledge/ask', {
      shopId,
      question: 'wach tawsil l tamanrasset?',
    });
    expect(asked.answer).toBe('Nous livrons dans les 58 wilayas, 48 h à Alger.');
    expect(asked.entries[0]?.entry.id).toBe(entry.id);

    const pending = await call<{ id: number }>('knowledge/save', {
      shopId,
      question: 'Le paiement ?',
      answer: 'À la livraison.',
      keywords: ['paiement'],
      status: 'pending',
    });
    expect((await call<{ answer: string | null }>('knowledge/ask', { shopId, question: 'paiement ?' })).answer).toBeNull();
    await call('knowledge/set-status', { shopId, id: pending.id, status: 'active' });
    expect((await call<{ answer: string | null }>('knowledge/ask', { shopId, question: 'paiement ?' })).answer).toBe('À la livraison.');
    await call('knowledge/set-status', { shopId, id: pending.id, status: 'dismissed' });
    expect((await call<{ answer: string | null }>('knowledge/ask', { shopId, question: 'paiement ?' })).answer).toBeNull();

    expect((await call<unknown[]>('knowledge/list', { shopId })).length).toBe(2);
    expect((await call<unknown[]>('knowledge/list', { shopId, status: 'dismissed' })).length).toBe(1);
    expect((await call<{ id: number }[]>('knowledge/list', { shopId, query: 'wilaya' }))[0]?.id).toBe(entry.id);
    expect(await call('knowledge/delete', { shopId, id: entry.id })).toEqual({ deleted: true });
    expect(await call('knowledge/delete', { shopId, id: entry.id })).toEqual({ deleted: false });
  });
});
