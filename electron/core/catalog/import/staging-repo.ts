import { type SqlBool, sql } from 'kysely';
import { writeStagedVariants } from '../product-variants-repo';
import type { ImportStagingTable, StagingTableName, StagingTables } from '../tables';
import { type WritableSqlite, typedStatements } from '../../store';

/*
 * The staging table of a chunked import (chunked-import.ts) and the one transaction that commits
 * it into products. Statements prepared once per import: the staging runs in synchronous,
 * time-sliced transactions that must end within a slice (time-slice.ts): bench/catalog-import.ts
 * measures the event loop's delay percentiles during a 50,000-row import through them.
 */

const COLUMNS = [
  'sku',
  'name',
  'alt_names',
  'aliases',
  'category',
  'price',
  'compare_at_price',
  'currency',
  'stock',
  'variants',
  'images',
  'description',
  'upsell_skus',
  'search_doc',
] as const satisfies readonly (keyof ImportStagingTable)[];
/** Staged beside the product's columns: its variants (JSON), written to product_variants at the commit. */
const STAGED = [...COLUMNS, 'variant_rows'] as const;
type Staged = (typeof STAGED)[number];
let staging = 0;

/** The queries name the staging table by this key of `StagingTables`; the SQL names the real table. */
const stagedAs = (table: StagingTableName) => {
  // The name is spliced into DDL and queries: only the names this module makes are accepted.
  if (!/^temp\.catalog_import_\d+$/.test(table)) throw new TypeError(`not a staging table: ${table}`);
  return { table: table as 'import_staging', aliased: `${table} as s` as 'import_staging as s' };
};

/** A TEMP table (no lock on the database) the import's rows are staged in, by SKU. */
export function makeImportStaging(sqlite: WritableSqlite) {
  const table: StagingTableName = `temp.catalog_import_${++staging}`;
  const { table: staged } = stagedAs(table);
  // DDL stays raw: a TEMP table per import, with no column types (values keep the type they were staged with).
  sqlite.exec(`CREATE TABLE ${table} (${STAGED.map((c) => (c === 'sku' ? 'sku TEXT PRIMARY KEY' : c)).join(', ')})`);
  const stage = typedStatements<StagingTables>(sqlite).prepare((db, p: Record<Staged, unknown>) =>
    db
      .insertInto(staged)
      .orReplace()
      .values(Object.fromEntries(STAGED.map((c) => [c, p[c]])) as unknown as ImportStagingTable),
  );
  return {
    /** Runs `work` in one transaction (a slice of staged rows). */
    transaction: <A extends unknown[], R>(work: (...args: A) => R) => sqlite.transaction(work),
    stage: (row: Record<Staged, unknown>) => void stage.run(row),
    commit: (shopId: number, now: string): number => commitStaged(sqlite, table, shopId, now),
    drop: () => void sqlite.exec(`DROP TABLE IF EXISTS ${table}`),
  };
}

/**
 * The one transaction: upsert every staged product by (shop, SKU), make its staged variants its
 * product_variants rows, and queue it for indexing; returns how many existed. A variant SKU another
 * product already uses throws (VariantSkuTakenError) and the whole import rolls back.
 */
function commitStaged(sqlite: WritableSqlite, table: StagingTableName, shopId: number, now: string): number {
  const { table: staged, aliased } = stagedAs(table);
  const statements = typedStatements<StagingTables>(sqlite);
  const existing = statements.prepare((db, p: { shop: number }) =>
    db
      .selectFrom(aliased)
      .innerJoin('products as p', (join) => join.on('p.shop_id', '=', p.shop).onRef('p.sku', '=', 's.sku'))
      .select((eb) => eb.fn.countAll<number>().as('n')),
  );
  const upsert = statements.prepare((db, p: { shop: number; now: string }) =>
    db
      .insertInto('products')
      .columns(['shop_id', ...COLUMNS, 'created_at', 'updated_at'])
      .expression(
        db
          .selectFrom(staged)
          .select((eb) => [eb.val(p.shop).as('shop_id'), ...COLUMNS, eb.val(p.now).as('created_at'), eb.val(p.now).as('updated_at')])
          // SQLite reads `ON CONFLICT` after a bare `SELECT … FROM t` as a join constraint: the WHERE ends the select.
          .where(sql<SqlBool>`true`),
      )
      .onConflict((oc) =>
        oc.columns(['shop_id', 'sku']).doUpdateSet((eb) => ({
          ...Object.fromEntries(COLUMNS.filter((c) => c !== 'sku').map((c) => [c, eb.ref(`excluded.${c}`)])),
          updated_at: eb.ref('excluded.updated_at'),
          archived_at: null,
        })),
      ),
  );
  const queue = statements.prepare((db, p: { shop: number }) =>
    db
      .insertInto('catalog_index_queue')
      .orIgnore()
      .columns(['product_id', 'shop_id'])
      .expression(
        db
          .selectFrom(aliased)
          .innerJoin('products as p', (join) => join.on('p.shop_id', '=', p.shop).onRef('p.sku', '=', 's.sku'))
          .select(['p.id', 'p.shop_id']),
      ),
  );
  return sqlite.transaction(() => {
    const count = existing.get({ shop: shopId })?.n ?? 0;
    upsert.run({ shop: shopId, now });
    writeStagedVariants(sqlite, shopId, table, now);
    queue.run({ shop: shopId });
    return count;
  })();
}
