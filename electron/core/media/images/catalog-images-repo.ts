import type { Selectable } from 'kysely';
import type { CatalogImagesTable } from '../tables';
import type { WritableSqlite } from '../../store';

/** A row of catalog_images (migration 0070). */
export interface CatalogImageRow {
  id: number;
  shopId: number;
  productId: number;
  sourceUrl: string;
  file: string | null;
  width: number | null;
  height: number | null;
  bytes: number | null;
  hashes: string[];
  error: string | null;
}

/** A row as SQLite returns it: the table's own type. */
type RawRow = Omit<Selectable<CatalogImagesTable>, 'created_at' | 'updated_at'>;

const fromRaw = (r: RawRow): CatalogImageRow => {
  let hashes: string[] = [];
  try {
    const v: unknown = JSON.parse(r.hashes);
    if (Array.isArray(v)) hashes = v.filter((h): h is string => typeof h === 'string');
  } catch {
    // a damaged row matches nothing; the next change of the image rewrites it
  }
  return {
    id: r.id,
    shopId: r.shop_id,
    productId: r.product_id,
    sourceUrl: r.source_url,
    file: r.file,
    width: r.width,
    height: r.height,
    bytes: r.bytes,
    hashes,
    error: r.error,
  };
};

export type CatalogImageWrite = Omit<CatalogImageRow, 'id'>;

/** The local copies of a shop's catalog images and their perceptual hashes. */
export function makeCatalogImagesRepo(sqlite: WritableSqlite) {
  const s = {
    upsert: sqlite.prepare(
      `INSERT INTO catalog_images (shop_id, product_id, source_url, file, width, height, bytes, hashes, error, created_at, updated_at)
       VALUES (@shopId, @productId, @sourceUrl, @file, @width, @height, @bytes, @hashes, @error, @now, @now)
       ON CONFLICT (shop_id, product_id, source_url) DO UPDATE SET file = @file, width = @width, height = @height, bytes = @bytes,
         hashes = @hashes, error = @error, updated_at = @now`,
    ),
    ofShop: sqlite.prepare<[number], RawRow>(`SELECT * FROM catalog_images WHERE shop_id = ? AND file IS NOT NULL`),
    known: sqlite.prepare<[number], { product_id: number; source_url: string }>(
      `SELECT product_id, source_url FROM catalog_images WHERE shop_id = ?`,
    ),
    bySource: sqlite.prepare<[number, string], RawRow>(
      `SELECT * FROM catalog_images WHERE shop_id = ? AND source_url = ? AND file IS NOT NULL ORDER BY updated_at DESC LIMIT 1`,
    ),
    ofProduct: sqlite.prepare<[number, number], RawRow>(
      `SELECT * FROM catalog_images WHERE shop_id = ? AND product_id = ? AND file IS NOT NULL ORDER BY updated_at DESC`,
    ),
    filesInUse: sqlite.prepare<[number, string], { n: number }>(`SELECT count(*) AS n FROM catalog_images WHERE shop_id = ? AND file = ?`),
  };
  return {
    upsert(row: CatalogImageWrite, now: string): void {
      s.upsert.run({ ...row, hashes: JSON.stringify(row.hashes), now });
    },
    /** Rows with a stored file: the photo index and the sender read these. */
    ofShop: (shopId: number): CatalogImageRow[] => s.ofShop.all(shopId).map(fromRaw),
    /** "productId url" of every row, stored or failed: an import fetches only what is not in it. */
    known(shopId: number): Set<string> {
      return new Set(s.known.all(shopId).map((r) => `${r.product_id} ${r.source_url}`));
    },
    bySource: (shopId: number, url: string): CatalogImageRow | undefined => {
      const r = s.bySource.get(shopId, url);
      return r ? fromRaw(r) : undefined;
    },
    ofProduct: (shopId: number, productId: number): CatalogImageRow[] => s.ofProduct.all(shopId, productId).map(fromRaw),
    fileInUse: (shopId: number, file: string): boolean => (s.filesInUse.get(shopId, file)?.n ?? 0) > 0,
  };
}
export type CatalogImagesRepo = ReturnType<typeof makeCatalogImagesRepo>;
