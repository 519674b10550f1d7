import type SQLite from 'better-sqlite3';
import type { Product } from '../../../../shared/domain/catalog';

/**
 * A token that changes whenever the catalog may have changed, read in microseconds: this
 * connection's writes to products, variants or the search index queue (an import, an edit, a stock decrement by an order)
 * bump a counter through temporary triggers, and `PRAGMA data_version` moves when another
 * connection commits. A write that rolls back still bumps it: a cache keyed by it only forgets
 * too often, never too late. One per connection (registering the function again would leave the
 * first counter still), however many retrievers and finders are built on it.
 */
export function catalogVersion(sqlite: SQLite.Database): () => string {
  const known = versions.get(sqlite);
  if (known) return known;
  let changes = 0;
  sqlite.function('souq_catalog_changed', { deterministic: false }, () => {
    changes += 1;
    return null;
  });
  // TEMP triggers belong to this connection only (no migration, nothing in the file); they call the
  // function registered above, which exists exactly as long as they do.
  // The index queue too: the indexer rewrites a product's FTS rows (no trigger can watch a virtual
  // table) and then dequeues it, so cached FTS answers forget once the new index rows are in.
  const queue = sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'catalog_index_queue'`).get();
  for (const table of ['products', 'product_variants', ...(queue ? ['catalog_index_queue'] : [])])
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      sqlite.exec(
        `CREATE TEMP TRIGGER IF NOT EXISTS souq_catalog_${table}_${event.toLowerCase()} AFTER ${event} ON main.${table}
         BEGIN SELECT souq_catalog_changed(); END`,
      );
  const dataVersion = sqlite.prepare<[], number>('PRAGMA data_version').pluck();
  const version = () => `${changes}:${dataVersion.get() ?? 0}`;
  versions.set(sqlite, version);
  return version;
}
const versions = new WeakMap<SQLite.Database, () => string>();

/**
 * Values read from the catalog, kept until its version changes (and at most `kept` of them: past
 * that the cache starts again). Call it once per operation: it returns the map valid now (emptied
 * when the catalog moved). What it holds is shared by every caller: never mutated.
 */
export function versionedCache<V>(version: () => string, kept: number): () => Map<string, V> {
  let seen = '';
  const values = new Map<string, V>();
  return () => {
    const now = version();
    if (now !== seen || values.size >= kept) {
      values.clear();
      seen = now;
    }
    return values;
  };
}

/** The value under `key`, read on a miss. */
export function readThrough<V>(values: Map<string, V>, key: string, read: () => V): V {
  if (values.has(key)) return values.get(key) as V;
  const value = read();
  values.set(key, value);
  return value;
}

/**
 * A category's first products, kept across turns until the catalog changes. Alternatives and
 * siblings ("36 mois" beside "24 mois") read the same few categories turn after turn; each read
 * loads dozens of rows and their variants. Lists are copied on the way out (callers sort them).
 */
export function cachedInCategory(
  sqlite: SQLite.Database,
  read: (shopId: number, category: string, limit: number) => Product[],
): (shopId: number, category: string, limit: number) => Product[] {
  const cache = versionedCache<Product[]>(catalogVersion(sqlite), 256);
  return (shopId, category, limit) =>
    readThrough(cache(), `${shopId}\u0000${limit}\u0000${category}`, () => read(shopId, category, limit)).slice();
}
