import type { Product } from '../../../shared/domain/catalog';
import type { WritableSqlite } from '../store';
import { tokenise } from '../text';
import { catalogSearchStatements } from './catalog-search-repo';
import { type ProductRow, makeProductReader } from './products-repo';
import { shopToken } from './search-doc';

/**
 * What the seller's search needs of the bot's retrieval (brain/retrieval's Retriever has it): catalog is given one
 * and does not reach into the brain, which itself reads the catalog.
 */
export interface ProductSearchPort {
  searchProductsSync(shopId: number, text: string, k?: number): Array<{ product: Product; score: number }>;
}

/** Past this many matches the seller is asked to narrow the search (the count says "10,000+"). */
const MAX_MATCHES = 10_000;

/**
 * The seller's catalog search: EVERY active product the text matches, counted and paged, not the
 * bot's top five. A product matches when each word of the search is in it (as a word or word
 * start, or as a substring of 3+ characters, accents and Arabic letter forms folded like the
 * bot's), or when its SKU starts with the text; failing those, what the bot would find (typos, concepts). The best matches as the bot ranks them come
 * first, then the rest by name. Archived products have no index rows, so they never match.
 */
export function makeCatalogSearch(sqlite: WritableSqlite, retriever: ProductSearchPort) {
  const { words, tri, bySkuPrefix, ordered, page } = catalogSearchStatements(sqlite);
  // Variants are read with the catalog's reader (its variants repository takes the writer's connection).
  const reader = makeProductReader(sqlite);

  const safe = (statement: typeof words, match: string): number[] => {
    try {
      return statement.all({ match, limit: MAX_MATCHES }).map((r) => r.rowid);
    } catch {
      return []; // terms are quoted; a query FTS5 still rejects matches nothing rather than failing the page
    }
  };

  /** Ids of every product whose text has all the search words. */
  function textMatches(shopId: number, text: string): Set<number> {
    const tokens = [...new Set(tokenise(text))].slice(0, 12);
    if (tokens.length === 0) return new Set();
    const shop = `shop : "${shopToken(shopId)}"`;
    const byWords = safe(words, `${shop} AND ${tokens.map((t) => `{names aliases other concepts} : "${t}"*`).join(' AND ')}`);
    const long = tokens.filter((t) => [...t].length >= 3);
    // Substrings (inside a longer word, e.g. "jebba" in "jebbakabyle") when every word is long enough for trigrams.
    const bySubstring =
      long.length === tokens.length ? safe(tri, `${shop} AND ${long.map((t) => `{names aliases other} : "${t}"`).join(' AND ')}`) : [];
    return new Set([...byWords, ...bySubstring]);
  }

  return {
    search(shopId: number, text: string, opts: { offset: number; limit: number; category?: string }): { items: Product[]; total: number } {
      const likeSku = `${text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const ids = textMatches(shopId, text);
      for (const r of bySkuPrefix.all({ shopId, pattern: likeSku, limit: MAX_MATCHES })) ids.add(r.id);
      // The bot's best matches come first. When no product has the words, they are the matches
      // (a misspelling, "fostn"; a concept, "dress" for "robe").
      const hits = retriever.searchProductsSync(shopId, text, 20).flatMap((h) => (h.product.archivedAt ? [] : [h.product.id]));
      const best = ids.size ? hits.filter((id) => ids.has(id)) : hits;
      for (const id of best) ids.add(id);
      const rest = ordered.all({ ids: JSON.stringify([...ids]), shopId }).map((r) => r.id);
      const seen = new Set<number>();
      let all = [...best, ...rest].filter((id) => (seen.has(id) ? false : (seen.add(id), true)));
      const rows = new Map<number, ProductRow>();
      if (opts.category !== undefined) {
        for (const row of page.all({ ids: JSON.stringify(all), shopId })) rows.set(row.id, row);
        all = all.filter((id) => rows.get(id)?.category === opts.category);
      }
      const wanted = all.slice(opts.offset, opts.offset + opts.limit);
      if (opts.category === undefined) for (const row of page.all({ ids: JSON.stringify(wanted), shopId })) rows.set(row.id, row);
      const items = reader.many(wanted.flatMap((id) => rows.get(id) ?? []));
      return { items, total: all.length };
    },
  };
}
