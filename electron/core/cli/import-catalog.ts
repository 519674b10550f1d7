import fs from 'node:fs';
import path from 'node:path';
import { type ColumnMapping, ProductField, type ImportSummary } from '../../../shared/contract/catalog';
import { decodeCatalogBytes } from '../../../shared/domain/catalog-file';
import { MappingNeededError, type ProductsRepo, importCatalog, makeProductsRepo } from '../catalog';
import { createCore } from '../create-core';
import { option, defaultDataDir } from '../host';
import type { Clock } from '../ports';
import { makeShopCountryRepo } from '../shops';
import type { WritableSqlite } from '../store';
import { type CliIo, UsageError } from './io';

/** What importCatalogFile needs: a store's raw handle, or anything holding one; a Core also lends its products repository. */
export type SqliteSource =
  WritableSqlite | { sqlite: WritableSqlite } | { ctx: { store: { sqlite: WritableSqlite } }; services: { products: ProductsRepo } };

const sqliteOf = (source: SqliteSource): WritableSqlite =>
  'ctx' in source ? source.ctx.store.sqlite : 'sqlite' in source ? source.sqlite : source;

/** A running core's own repository; a bare store (the CLI's own process, a test) gets one for this import. */
const productsOf = (source: SqliteSource): ProductsRepo =>
  'services' in source ? source.services.products : makeProductsRepo(sqliteOf(source));

/** Larger files are refused before they are read: one import holds the whole file in memory (~100,000 rows). */
const MAX_CATALOG_FILE_BYTES = 10 * 1024 * 1024;

/** The file's text, whatever its encoding (UTF-8, UTF-16, Windows-1252), or a plain refusal. */
function readCatalogText(filePath: string, notice: (line: string) => void = () => {}): string {
  const size = fs.statSync(filePath).size;
  if (size > MAX_CATALOG_FILE_BYTES) {
    throw new UsageError(
      `${path.basename(filePath)} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_CATALOG_FILE_BYTES / 1024 / 1024} MB. Split it into smaller files and import each.`,
    );
  }
  const decoded = decodeCatalogBytes(fs.readFileSync(filePath));
  if (!decoded.ok) {
    const hint = decoded.kind === 'spreadsheet' ? ' In Excel, use "Save as" → "CSV UTF-8".' : '';
    throw new UsageError(`${path.basename(filePath)} is not a CSV/Excel text file.${hint}`);
  }
  if (decoded.encoding === 'windows-1252') notice(`${path.basename(filePath)} is not UTF-8: read as Western European (Windows-1252).`);
  if (decoded.encoding === 'windows-1256') notice(`${path.basename(filePath)} is not UTF-8: read as Arabic Windows (Windows-1256).`);
  return decoded.text;
}

/** `--map name=Désignation,price=Prix` as a column mapping (our field = their header). */
function parseMapOption(raw: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const pair of raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const eq = pair.indexOf('=');
    const field = ProductField.safeParse(eq > 0 ? pair.slice(0, eq).trim() : '');
    const header = eq > 0 ? pair.slice(eq + 1).trim() : '';
    if (!field.success || !header)
      throw new UsageError(`--map takes field=Column pairs (fields: ${ProductField.options.join(', ')}), not "${pair}"`);
    mapping[field.data] = header;
  }
  return mapping;
}

/**
 * Imports a catalog file into a shop (used by `import-catalog` and by `simulate --catalog`):
 * native, Shopify or WooCommerce layout or a column mapping, good rows upserted by SKU in one transaction.
 */
export function importCatalogFile(
  source: SqliteSource,
  shopId: number,
  filePath: string,
  options: {
    defaultCurrency?: string;
    clock?: Clock;
    mapping?: ColumnMapping;
    notice?: (line: string) => void;
    onProgress?: (done: number, total: number) => void;
  } = {},
): ImportSummary {
  if (!fs.existsSync(filePath)) throw new UsageError(`Catalog file not found: ${filePath}`);
  const shop = makeShopCountryRepo(sqliteOf(source)).shop(shopId);
  if (!shop) throw new UsageError(`No shop ${shopId} in this data folder`);
  try {
    return importCatalog(productsOf(source), {
      shopId,
      csv: readCatalogText(filePath, options.notice),
      defaultCurrency: options.defaultCurrency ?? shop.currency,
      now: (options.clock?.now() ?? new Date()).toISOString(),
      ...(options.mapping ? { mapping: options.mapping } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  } catch (err) {
    if (err instanceof MappingNeededError)
      throw new UsageError(
        `${path.basename(filePath)}: ${err.message} (add --map name=Column,price=Column, or import it from the Catalog page)`,
      );
    throw err;
  }
}

/** One line per bad row, what was assumed, then the totals: what a seller reads after an import. */
export function formatSummary(summary: ImportSummary, file: string): string[] {
  const lines = summary.errors.map((e) => `  line ${e.line}${e.sku ? ` (${e.sku})` : ''}: ${e.reason}`);
  const bad = summary.errors.length;
  const assumed = summary.assumptions.map((a) => {
    const where = `line${a.count === 1 ? '' : 's'} ${a.lines.join(', ')}${a.count > a.lines.length ? ', …' : ''}`;
    return a.code === 'variants_grouped'
      ? `  ${a.count} row${a.count === 1 ? ' is a variant' : 's are variants'} of a product above, grouped into it (${where})`
      : `  ${a.count} row${a.count === 1 ? ' has' : 's have'} an empty stock cell, taken as not counted: never sold out (${where})`;
  });
  return [
    `${file} (${summary.format}): ${summary.created} imported, ${summary.updated} updated, ${bad} bad row${bad === 1 ? '' : 's'}${bad ? ':' : '.'}`,
    ...lines,
    ...assumed,
  ];
}

const USAGE =
  'Usage: souqbot import-catalog FILE.csv [--data-dir DIR] [--shop ID | --new-shop "Shop name" --currency DZD] [--map name=Column,price=Column,…]';

/**
 * `souqbot import-catalog FILE.csv …`: into the only shop, the one --shop names, or a new one
 * --new-shop creates. A data folder with no shop is not given one silently (`simulate` makes its own).
 */
export async function importCatalogCommand(argv: string[], io: CliIo): Promise<number> {
  const valued = new Set(['--data-dir', '--shop', '--map', '--new-shop', '--currency']);
  const file = argv.find((a, i) => !a.startsWith('--') && !valued.has(argv[i - 1] ?? ''));
  if (!file) throw new UsageError(USAGE);
  const filePath = path.resolve(file);
  if (!fs.existsSync(filePath)) throw new UsageError(`Catalog file not found: ${file}`);
  const shopArg = option(argv, 'shop');
  const shopId = shopArg === undefined ? undefined : Number(shopArg);
  if (shopId !== undefined && (!Number.isInteger(shopId) || shopId <= 0)) throw new UsageError(`--shop takes a shop id, not "${shopArg}"`);
  const mapArg = option(argv, 'map');
  const mapping = mapArg === undefined ? undefined : parseMapOption(mapArg);
  const newShop = option(argv, 'new-shop')?.trim();
  const currency = (option(argv, 'currency') ?? '').trim().toUpperCase();
  if (newShop !== undefined && !/^[A-Z]{3}$/.test(currency))
    throw new UsageError('--new-shop needs --currency with a 3-letter code (DZD, MAD, TND, EUR, BRL…)');

  const dataDir = path.resolve(option(argv, 'data-dir', 'SOUQ_DATA_DIR') ?? defaultDataDir());
  const core = await createCore({ dataDir, paused: true });
  try {
    const shops = await core.ctx.repos.shops.list();
    const listed = shops.map((s) => `${s.id} "${s.name}"`).join(', ') || 'none';
    let shop = shopId !== undefined ? shops.find((s) => s.id === shopId) : newShop ? undefined : shops.length === 1 ? shops[0] : undefined;
    if (shopId !== undefined && !shop) throw new UsageError(`No shop ${shopId} in ${dataDir} (shops: ${listed})`);
    if (!shop && newShop) {
      shop = await core.ctx.repos.shops.create({ name: newShop, currency, now: core.ctx.clock.now().toISOString() });
      io.stderr(`Created shop ${shop.id} "${shop.name}" (${currency}) in ${dataDir}`);
    }
    if (!shop && shops.length === 0)
      throw new UsageError(`There is no shop in ${dataDir} yet. Create it in Souqbot first, or add --new-shop "Shop name" --currency DZD.`);
    if (!shop) throw new UsageError(`${dataDir} has several shops (${listed}): say which with --shop ID.`);
    const summary = importCatalogFile(core, shop.id, filePath, {
      clock: core.ctx.clock,
      notice: io.stderr,
      ...(mapping ? { mapping } : {}),
    });
    for (const line of formatSummary(summary, path.basename(filePath))) io.stdout(line);
    return summary.created + summary.updated > 0 || summary.errors.length === 0 ? 0 : 1;
  } finally {
    await core.close();
  }
}
