import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import type { ImportSummary } from '../../../shared/contract/catalog';
import { MappingNeededError, importCatalog } from '../catalog/import/import-catalog';
import { makeProductsRepo } from '../catalog/products-repo';
import { createCore } from '../create-core';
import { option } from '../host/args';
import { defaultDataDir } from '../host/data-dir';
import type { Clock } from '../ports';
import { type CliIo, UsageError } from './io';

/** What importCatalogFile needs: a store's raw handle, or anything holding one (a Core's ctx.store). */
export type SqliteSource = SQLite.Database | { sqlite: SQLite.Database } | { ctx: { store: { sqlite: SQLite.Database } } };

const sqliteOf = (source: SqliteSource): SQLite.Database =>
  'ctx' in source ? source.ctx.store.sqlite : 'sqlite' in source ? source.sqlite : source;

/**
 * Imports a catalog file into a shop (used by `import-catalog` and by `simulate --catalog`):
 * native, Shopify or WooCommerce layout, good rows upserted by SKU in one transaction.
 */
export function importCatalogFile(
  source: SqliteSource,
  shopId: number,
  filePath: string,
  options: { defaultCurrency?: string; clock?: Clock; onProgress?: (done: number, total: number) => void } = {},
): ImportSummary {
  if (!fs.existsSync(filePath)) throw new UsageError(`Catalog file not found: ${filePath}`);
  const sqlite = sqliteOf(source);
  const shop = sqlite.prepare<[number], { currency: string }>(`SELECT currency FROM shops WHERE id = ?`).get(shopId);
  if (!shop) throw new UsageError(`No shop ${shopId} in this data folder`);
  try {
    return importCatalog(makeProductsRepo(sqlite), {
      shopId,
      csv: fs.readFileSync(filePath, 'utf8'),
      defaultCurrency: options.defaultCurrency ?? shop.currency,
      now: (options.clock?.now() ?? new Date()).toISOString(),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (err) {
    if (err instanceof MappingNeededError) throw new UsageError(`${path.basename(filePath)}: ${err.message} (import it from the Catalog page to map columns)`);
    throw err;
  }
}

/** One line per bad row, then the totals: what a seller reads after an import. */
export function formatSummary(summary: ImportSummary, file: string): string[] {
  const lines = summary.errors.map((e) => `  line ${e.line}${e.sku ? ` (${e.sku})` : ''}: ${e.reason}`);
  const bad = summary.errors.length;
  return [
    `${file} (${summary.format}): ${summary.created} imported, ${summary.updated} updated, ${bad} bad row${bad === 1 ? '' : 's'}${bad ? ':' : '.'}`,
    ...lines,
  ];
}

/** `souqbot import-catalog FILE.csv [--data-dir DIR] [--shop ID]`: creates the first shop if there is none. */
export async function importCatalogCommand(argv: string[], io: CliIo): Promise<number> {
  const valued = new Set(['--data-dir', '--shop']);
  const file = argv.find((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? ''));
  if (!file) throw new UsageError('Usage: souqbot import-catalog FILE.csv [--data-dir DIR] [--shop ID]');
  const filePath = path.resolve(file);
  if (!fs.existsSync(filePath)) throw new UsageError(`Catalog file not found: ${file}`);
  const shopArg = option(argv, 'shop');
  const shopId = shopArg === undefined ? undefined : Number(shopArg);
  if (shopId !== undefined && (!Number.isInteger(shopId) || shopId <= 0)) throw new UsageError(`--shop takes a shop id, not "${shopArg}"`);

  const dataDir = path.resolve(option(argv, 'data-dir', 'SOUQ_DATA_DIR') ?? defaultDataDir());
  const core = await createCore({ dataDir, paused: true });
  try {
    const shops = await core.ctx.repos.shops.list();
    let shop = shopId === undefined ? shops[0] : shops.find((s) => s.id === shopId);
    if (shopId !== undefined && !shop) throw new UsageError(`No shop ${shopId} in ${dataDir} (shops: ${shops.map((s) => s.id).join(', ') || 'none'})`);
    if (!shop) {
      shop = await core.ctx.repos.shops.create({ name: 'My shop', currency: 'DZD', now: core.ctx.clock.now().toISOString() });
      io.stderr(`Created shop ${shop.id} "${shop.name}" in ${dataDir}`);
    }
    const summary = importCatalogFile(core, shop.id, filePath, { clock: core.ctx.clock });
    for (const line of formatSummary(summary, path.basename(filePath))) io.stdout(line);
    return summary.created + summary.updated > 0 || summary.errors.length === 0 ? 0 : 1;
  } finally {
    await core.close();
  }
}
