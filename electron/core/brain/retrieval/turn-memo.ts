import type { Product } from '../../../../shared/domain/catalog';

/**
 * One turn's reads of the catalog, each made once. A turn asks the same questions several times:
 * the offline brain plans twice when the LLM read order slots, resolves the whole message and
 * each of its parts, checks the currency; the guardrails look up the SKUs a reply claims. Within
 * one turn the catalog does not change (an order placed by the turn is written after its last
 * read), so the first answer is the answer. A memo lives for one turn only: nothing goes stale.
 */
export class TurnMemo {
  private readonly answers = new Map<string, unknown>();
  /** How many reads were answered from the memo (tests, benchmarks). */
  hits = 0;

  once<T>(key: string, read: () => T): T {
    if (this.answers.has(key)) {
      this.hits += 1;
      return this.answers.get(key) as T;
    }
    const value = read();
    this.answers.set(key, value);
    return value;
  }
}

/** What the offline brain reads of the catalog (offline/product-match.ts's ProductFinder has this shape). */
export interface CatalogReads<Hit extends { product: Product }> {
  search(shopId: number, text: string, k: number): Promise<Hit[]>;
  bySku(shopId: number, sku: string): Promise<Product | null>;
  inCategory(shopId: number, category: string, limit: number): Promise<Product[]>;
}

/** Lists are copied on the way out: a caller that sorts or trims its list must not change the next caller's. */
const copied = async <T>(list: Promise<T[]>): Promise<T[]> => (await list).slice();

/** A finder whose answers are read once per turn (keys carry the shop, the text and the size asked for). */
export function memoisedFinder<Hit extends { product: Product }, F extends CatalogReads<Hit>>(finder: F, memo: TurnMemo): F {
  return {
    ...finder,
    search: (shopId, text, k) => copied(memo.once(`search\u0000${shopId}\u0000${k}\u0000${text}`, () => finder.search(shopId, text, k))),
    bySku: (shopId, sku) => memo.once(`sku\u0000${shopId}\u0000${sku}`, () => finder.bySku(shopId, sku)),
    inCategory: (shopId, category, limit) =>
      copied(memo.once(`category\u0000${shopId}\u0000${limit}\u0000${category}`, () => finder.inCategory(shopId, category, limit))),
  };
}

/** The router's product search (the turn's products, the words of each reply the guardrails check), read once per turn. */
type Search = (shopId: number, text: string, k?: number) => Promise<Array<{ product: Product }>>;

export function memoisedSearch<S extends { searchProducts: Search; searchProductsNamed?: Search }>(search: S, memo: TurnMemo): S {
  const named = search.searchProductsNamed?.bind(search);
  return {
    ...search,
    searchProducts: (shopId: number, text: string, k?: number) =>
      copied(memo.once(`router-search\u0000${shopId}\u0000${k ?? ''}\u0000${text}`, () => search.searchProducts(shopId, text, k))),
    ...(named && {
      searchProductsNamed: (shopId: number, text: string, k?: number) =>
        copied(memo.once(`router-named\u0000${shopId}\u0000${k ?? ''}\u0000${text}`, () => named(shopId, text, k))),
    }),
  };
}
