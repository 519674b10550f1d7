import { useCallback, useEffect, useRef, useState } from 'react';
import type { Product } from '../../../../shared/domain/catalog';
import type { Client } from '../../api/client';

export const PAGE = 50;
/** The contract's largest page: a reload after an edit fetches what is shown in one call up to this. */
const MAX_PAGE = 500;

export interface ProductList {
  items: Product[];
  total: number;
  loaded: boolean;
  error: string | null;
  /** Appends the next page (scrolling down, or "Show more"). */
  loadMore(): void;
  /** Fetches again what is shown (after an edit, an import, a pushed change). */
  reload(): void;
  /** Replaces one product in place (an inline edit answered with the saved product). */
  replace(p: Product): void;
}

/**
 * Every product of a search (or of the catalog), page after page: the first page on each new
 * search, the next ones appended as the seller scrolls, with the total count from core.
 */
export function useProductList(client: Client, shopId: number | null, query: string, archived: boolean): ProductList {
  const [items, setItems] = useState<Product[]>([]);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = useRef(false);
  const generation = useRef(0);

  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      if (shopId === null) return null;
      const q = query.trim();
      return client.send('catalog/list', { shopId, offset, limit, ...(q ? { query: q } : {}), ...(archived ? { archived: true } : {}) });
    },
    [client, shopId, query, archived],
  );

  const run = useCallback(
    async (offset: number, limit: number, append: boolean) => {
      const mine = ++generation.current;
      busy.current = true;
      try {
        const page = await fetchPage(offset, limit);
        if (!page || mine !== generation.current) return;
        setItems((old) => (append ? [...old, ...page.items.filter((p) => !old.some((o) => o.id === p.id))] : page.items));
        setTotal(page.total);
        setLoaded(true);
        setError(null);
      } catch (err) {
        if (mine === generation.current) setError(err instanceof Error ? err.message : String(err));
      } finally {
        if (mine === generation.current) busy.current = false;
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    const timer = setTimeout(() => void run(0, PAGE, false), 150);
    return () => clearTimeout(timer);
  }, [run]);

  const shown = useRef(0);
  shown.current = items.length;
  return {
    items,
    total,
    loaded,
    error,
    loadMore: () => {
      if (!busy.current && items.length < total) void run(items.length, PAGE, true);
    },
    reload: () => void run(0, Math.min(MAX_PAGE, Math.max(PAGE, shown.current)), false),
    replace: (p) => setItems((old) => old.map((x) => (x.id === p.id ? p : x))),
  };
}
