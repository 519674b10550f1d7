import { sql } from 'kysely';
import type { CatalogTables } from './tables';
import type { productRowParams } from './products-repo';
import { type WritableSqlite, typedStatements } from '../store';

/** 1 when the product is archived, 0 when active: compared with the page's `archived` flag. */
const isArchived = sql<number>`(archived_at is not null)`;

/** A product's row in products_tri and products_words (rowid = the product's id). */
export type IndexRow = { id: number; shop: string; names: string; aliases: string; other: string; concepts: string };

/** A product's row as written: the row's columns and its search document. */
type Row = ReturnType<typeof productRowParams> & { search_doc: string };
/** A page of the product list. */
type Page = { shopId: number; archived: number; limit: number; offset: number };

/** The products repository's statements, built with kysely against the catalog's tables and prepared once. */
export function prepareProductStatements(sqlite: WritableSqlite) {
  const statements = typedStatements<CatalogTables>(sqlite);
  return {
    bySku: statements.prepare((db, p: { shopId: number; sku: string }) =>
      db.selectFrom('products').selectAll().where('shop_id', '=', p.shopId).where('sku', '=', p.sku),
    ),
    byId: statements.prepare((db, p: { shopId: number; id: number }) =>
      db.selectFrom('products').selectAll().where('shop_id', '=', p.shopId).where('id', '=', p.id),
    ),
    insert: statements.prepare((db, p: Row) =>
      db.insertInto('products').values({
        shop_id: p.shop_id,
        sku: p.sku,
        name: p.name,
        alt_names: p.alt_names,
        aliases: p.aliases,
        category: p.category,
        price: p.price,
        compare_at_price: p.compare_at_price,
        currency: p.currency,
        stock: p.stock,
        variants: p.variants,
        images: p.images,
        description: p.description,
        upsell_skus: p.upsell_skus,
        search_doc: p.search_doc,
        created_at: p.now,
        updated_at: p.now,
      }),
    ),
    update: statements.prepare((db, p: Row & { id: number }) =>
      db
        .updateTable('products')
        .set({
          name: p.name,
          alt_names: p.alt_names,
          aliases: p.aliases,
          category: p.category,
          price: p.price,
          compare_at_price: p.compare_at_price,
          currency: p.currency,
          stock: p.stock,
          variants: p.variants,
          images: p.images,
          description: p.description,
          upsell_skus: p.upsell_skus,
          search_doc: p.search_doc,
          updated_at: p.now,
        })
        .where('id', '=', p.id),
    ),
    delete: statements.prepare((db, p: { shopId: number; id: number }) =>
      db.deleteFrom('products').where('shop_id', '=', p.shopId).where('id', '=', p.id),
    ),
    triDelete: statements.prepare((db, p: { id: number }) => db.deleteFrom('products_tri').where('rowid', '=', p.id)),
    wordsDelete: statements.prepare((db, p: { id: number }) => db.deleteFrom('products_words').where('rowid', '=', p.id)),
    triInsert: statements.prepare((db, p: IndexRow) =>
      db.insertInto('products_tri').values({ rowid: p.id, shop: p.shop, names: p.names, aliases: p.aliases, other: p.other }),
    ),
    wordsInsert: statements.prepare((db, p: IndexRow) =>
      db
        .insertInto('products_words')
        .values({ rowid: p.id, shop: p.shop, names: p.names, aliases: p.aliases, other: p.other, concepts: p.concepts }),
    ),
    page: statements.prepare((db, p: Page) =>
      db
        .selectFrom('products')
        .selectAll()
        .where('shop_id', '=', p.shopId)
        .where(isArchived, '=', p.archived)
        .orderBy('name', (o) => o.collate('nocase'))
        .orderBy('id')
        .limit(p.limit)
        .offset(p.offset),
    ),
    activePage: statements.prepare((db, p: Omit<Page, 'archived'>) =>
      db
        .selectFrom('products')
        .selectAll()
        .where('shop_id', '=', p.shopId)
        .where('archived_at', 'is', null)
        .orderBy('name', (o) => o.collate('nocase'))
        .orderBy('id')
        .limit(p.limit)
        .offset(p.offset),
    ),
    pageInCategory: statements.prepare((db, p: Page & { category: string }) =>
      db
        .selectFrom('products')
        .selectAll()
        .where('shop_id', '=', p.shopId)
        .where('category', '=', p.category)
        .where(isArchived, '=', p.archived)
        .orderBy('name', (o) => o.collate('nocase'))
        .orderBy('id')
        .limit(p.limit)
        .offset(p.offset),
    ),
    activeInCategory: statements.prepare((db, p: { shopId: number; category: string; limit: number }) =>
      db
        .selectFrom('products')
        .selectAll()
        .where('shop_id', '=', p.shopId)
        .where('category', '=', p.category)
        .where('archived_at', 'is', null)
        .orderBy('name', (o) => o.collate('nocase'))
        .orderBy('id')
        .limit(p.limit),
    ),
    firstActive: statements.prepare((db, p: { shopId: number; limit: number }) =>
      db
        .selectFrom('products')
        .selectAll()
        .where('shop_id', '=', p.shopId)
        .where('archived_at', 'is', null)
        .orderBy('name', (o) => o.collate('nocase'))
        .orderBy('id')
        .limit(p.limit),
    ),
    count: statements.prepare((db, p: { shopId: number; archived: number }) =>
      db
        .selectFrom('products')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('shop_id', '=', p.shopId)
        .where(isArchived, '=', p.archived),
    ),
    countInCategory: statements.prepare((db, p: { shopId: number; category: string; archived: number }) =>
      db
        .selectFrom('products')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('shop_id', '=', p.shopId)
        .where('category', '=', p.category)
        .where(isArchived, '=', p.archived),
    ),
    all: statements.prepare((db, p: { shopId: number }) =>
      db.selectFrom('products').selectAll().where('shop_id', '=', p.shopId).where('archived_at', 'is', null).orderBy('id'),
    ),
    categories: statements.prepare((db, p: { shopId: number }) =>
      db
        .selectFrom('products')
        .select((eb) => ['category', eb.fn.countAll<number>().as('n')])
        .where('shop_id', '=', p.shopId)
        .where('archived_at', 'is', null)
        .groupBy('category')
        .orderBy('category'),
    ),
    setArchived: statements.prepare((db, p: { archivedAt: string | null; now: string; shopId: number; id: number }) =>
      db
        .updateTable('products')
        .set({ archived_at: p.archivedAt, updated_at: p.now })
        .where('shop_id', '=', p.shopId)
        .where('id', '=', p.id),
    ),
    relabel: statements.prepare((db, p: { to: string; shopId: number; from: string }) =>
      db.updateTable('products').set({ currency: p.to }).where('shop_id', '=', p.shopId).where('currency', '=', p.from),
    ),
  };
}
