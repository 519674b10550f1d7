import type { Kysely, Selectable } from 'kysely';
import type { CatalogImagesTable, MediaTables } from '../tables';
import { type WritableSqlite, typedStatements } from '../../store';

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
  const statements = typedStatements<MediaTables>(sqlite);
  const stored = (db: Kysely<MediaTables>, shopId: number) =>
    db.selectFrom('catalog_images').selectAll().where('shop_id', '=', shopId).where('file', 'is not', null);
  const s = {
    upsert: statements.prepare(
      (
        db,
        p: {
          shopId: number;
          productId: number;
          sourceUrl: string;
          file: string | null;
          width: number | null;
          height: number | null;
          bytes: number | null;
          hashes: string;
          error: string | null;
          now: string;
        },
      ) =>
        db
          .insertInto('catalog_images')
          .values({
            shop_id: p.shopId,
            product_id: p.productId,
            source_url: p.sourceUrl,
            file: p.file,
            width: p.width,
            height: p.height,
            bytes: p.bytes,
            hashes: p.hashes,
            error: p.error,
            created_at: p.now,
            updated_at: p.now,
          })
          .onConflict((oc) =>
            oc.columns(['shop_id', 'product_id', 'source_url']).doUpdateSet({
              file: p.file,
              width: p.width,
              height: p.height,
              bytes: p.bytes,
              hashes: p.hashes,
              error: p.error,
              updated_at: p.now,
            }),
          ),
    ),
    ofShop: statements.prepare((db, p: { shopId: number }) => stored(db, p.shopId)),
    known: statements.prepare((db, p: { shopId: number }) =>
      db.selectFrom('catalog_images').select(['product_id', 'source_url']).where('shop_id', '=', p.shopId),
    ),
    bySource: statements.prepare((db, p: { shopId: number; url: string }) =>
      stored(db, p.shopId).where('source_url', '=', p.url).orderBy('updated_at', 'desc').limit(1),
    ),
    ofProduct: statements.prepare((db, p: { shopId: number; productId: number }) =>
      stored(db, p.shopId).where('product_id', '=', p.productId).orderBy('updated_at', 'desc'),
    ),
    filesInUse: statements.prepare((db, p: { shopId: number; file: string }) =>
      db
        .selectFrom('catalog_images')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('shop_id', '=', p.shopId)
        .where('file', '=', p.file),
    ),
  };
  return {
    upsert(row: CatalogImageWrite, now: string): void {
      s.upsert.run({ ...row, hashes: JSON.stringify(row.hashes), now });
    },
    /** Rows with a stored file: the photo index and the sender read these. */
    ofShop: (shopId: number): CatalogImageRow[] => s.ofShop.all({ shopId }).map(fromRaw),
    /** "productId url" of every row, stored or failed: an import fetches only what is not in it. */
    known(shopId: number): Set<string> {
      return new Set(s.known.all({ shopId }).map((r) => `${r.product_id} ${r.source_url}`));
    },
    bySource: (shopId: number, url: string): CatalogImageRow | undefined => {
      const r = s.bySource.get({ shopId, url });
      return r ? fromRaw(r) : undefined;
    },
    ofProduct: (shopId: number, productId: number): CatalogImageRow[] => s.ofProduct.all({ shopId, productId }).map(fromRaw),
    fileInUse: (shopId: number, file: string): boolean => (s.filesInUse.get({ shopId, file })?.n ?? 0) > 0,
  };
}
export type CatalogImagesRepo = ReturnType<typeof makeCatalogImagesRepo>;
