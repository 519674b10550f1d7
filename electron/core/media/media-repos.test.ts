import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Store, openDatabase } from '../database';
import { makeCatalogImagesRepo } from './images/catalog-images-repo';
import { makeTranscriptionUsageRepo } from './transcribe/usage-repo';

/* The media repositories' filters, orderings and upserts, each checked against a row that must not match. */
let store: Store;
const t = '2026-11-01T10:00:00.000Z';
beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite.prepare("INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'A', 'MAD', ?), (2, 'B', 'MAD', ?)").run(t, t);
  const product = store.sqlite.prepare(
    "INSERT INTO products (id, shop_id, sku, name, category, price, currency, stock, search_doc, created_at, updated_at) VALUES (?, ?, ?, 'n', 'c', 1, 'MAD', 1, '', ?, ?)",
  );
  product.run(1, 1, 'A', t, t);
  product.run(2, 1, 'B', t, t);
  product.run(3, 2, 'A', t, t);
});
afterEach(() => store.close());

const image = { width: 10, height: 10, bytes: 100, hashes: ['h'], error: null };

describe('media repositories', () => {
  it('catalog images: an upsert replaces the stored copy; reads keep to the shop and to rows with a file, newest first', () => {
    const repo = makeCatalogImagesRepo(store.sqlite);
    repo.upsert({ ...image, shopId: 1, productId: 1, sourceUrl: 'u1', file: null, error: 'timeout' }, t);
    repo.upsert({ ...image, shopId: 1, productId: 1, sourceUrl: 'u1', file: 'a.jpg' }, '2026-11-02T00:00:00.000Z');
    repo.upsert({ ...image, shopId: 1, productId: 1, sourceUrl: 'u2', file: 'b.jpg', hashes: ['x', 'y'] }, '2026-11-03T00:00:00.000Z');
    repo.upsert({ ...image, shopId: 1, productId: 2, sourceUrl: 'u3', file: null, error: '404' }, t);
    repo.upsert({ ...image, shopId: 2, productId: 3, sourceUrl: 'u1', file: 'c.jpg' }, t);
    expect(repo.ofShop(1).map((r) => r.file)).toEqual(['a.jpg', 'b.jpg']);
    expect(repo.ofShop(1)[0]).toMatchObject({ error: null, hashes: ['h'] });
    expect(repo.ofProduct(1, 1).map((r) => r.file)).toEqual(['b.jpg', 'a.jpg']);
    expect(repo.ofProduct(1, 2)).toEqual([]);
    expect(repo.bySource(1, 'u1')?.file).toBe('a.jpg');
    expect(repo.bySource(1, 'u3')).toBeUndefined();
    expect([...repo.known(1)].sort()).toEqual(['1 u1', '1 u2', '2 u3']);
    expect(repo.fileInUse(1, 'b.jpg')).toBe(true);
    expect(repo.fileInUse(1, 'c.jpg')).toBe(false);
  });

  it('transcription usage: seconds and requests add up per shop and day', () => {
    const usage = makeTranscriptionUsageRepo(store.sqlite);
    usage.add(1, '2026-11-01', 30);
    usage.add(1, '2026-11-01', 12.5);
    usage.add(1, '2026-11-01', -5); // counted as 0 seconds
    usage.add(1, '2026-11-02', 7);
    usage.add(2, '2026-11-01', 100);
    expect(usage.secondsOn(1, '2026-11-01')).toBe(42.5);
    expect(usage.secondsOn(1, '2026-11-03')).toBe(0);
    expect(store.sqlite.prepare('SELECT requests FROM transcription_usage WHERE shop_id = 1 AND day = ?').get('2026-11-01')).toEqual({
      requests: 3,
    });
  });
});
