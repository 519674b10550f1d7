import type { BrainDecision } from '../../../../shared/domain/brain';
import type { Product } from '../../../../shared/domain/catalog';
import type { KnowledgeEntry } from '../../../../shared/domain/knowledge';
import type { ShopSettings } from '../../../../shared/domain/settings';
import type { StoreFacts } from './backing';

/** What the guardrails read from the store. Narrow ports so tests can pass plain objects. */
export interface CatalogLookup {
  getBySku(shopId: number, sku: string): Product | undefined;
}

export interface ProductSearch {
  searchProducts(shopId: number, text: string, k?: number): Promise<Array<{ product: Product }>>;
  /** The products a reply names, its words as written (no typo pass); searchProducts when absent. */
  searchProductsNamed?(shopId: number, text: string, k?: number): Promise<Array<{ product: Product }>>;
}

export interface SalesFigures {
  countPlaced(shopId: number): Promise<number>;
  unitsSoldSince(shopId: number, sku: string, sinceIso: string): Promise<number>;
}

export interface FactsSources {
  catalog: CatalogLookup;
  /** Knowledge rows a decision cites as "knowledge:<id>": their numbers are the seller's own words. */
  knowledgeRows?: { get(shopId: number, id: number): KnowledgeEntry | undefined };
  search?: ProductSearch;
  orders?: SalesFigures;
}

const DAY_MS = 86_400_000;
const SALES_WINDOWS_DAYS = [1, 7, 30];

/** SKUs a decision claims, and product ids it cites as "product:<id>". */
function claimedSkus(decision: BrainDecision): string[] {
  return [...new Set([...decision.skus, ...decision.orderItems.map((i) => i.sku)])];
}

/**
 * Loads the store rows one reply is checked against: the products the turn retrieved, the ones the
 * decision claims, and the ones the reply's own words find (a product the reply names is checked
 * against its real row, not against the customer's question).
 */
export async function loadStoreFacts(
  sources: FactsSources,
  args: {
    shopId: number;
    decision: BrainDecision;
    turnProducts: Product[];
    knowledge: KnowledgeEntry[];
    /** Document names and passages the turn's prompt carried: the seller's own words too. */
    passages?: readonly string[];
    settings: ShopSettings;
    now: Date;
  },
): Promise<{ store: StoreFacts; knownSkus: Set<string> }> {
  const { shopId, decision } = args;
  const bySku = new Map<string, Product>();
  for (const p of args.turnProducts) bySku.set(p.sku, p);
  const knownSkus = new Set<string>();
  for (const sku of claimedSkus(decision)) {
    const product = bySku.get(sku) ?? sources.catalog.getBySku(shopId, sku);
    if (product) {
      bySku.set(sku, product);
      knownSkus.add(sku);
    }
  }
  if (sources.search && decision.reply.trim()) {
    const named = sources.search.searchProductsNamed ?? sources.search.searchProducts;
    for (const hit of await named.call(sources.search, shopId, decision.reply, 5)) bySku.set(hit.product.sku, hit.product);
  }
  for (const sku of bySku.keys()) knownSkus.add(sku);
  const products = [...bySku.values()];
  const knowledge = new Map(args.knowledge.map((k) => [k.id, k]));
  for (const citation of decision.citations) {
    const id = /^knowledge:(\d+)$/.exec(citation)?.[1];
    const entry = id && !knowledge.has(Number(id)) ? sources.knowledgeRows?.get(shopId, Number(id)) : undefined;
    // Only answers the seller approved back a claim; learned rows wait for approval.
    if (entry?.status === 'active') knowledge.set(entry.id, entry);
  }
  const salesCounts = new Map<string, number>();
  let orderCount: number | null = null;
  if (sources.orders) {
    orderCount = await sources.orders.countPlaced(shopId);
    for (const p of products.slice(0, 8)) {
      for (const days of SALES_WINDOWS_DAYS) {
        const since = new Date(args.now.getTime() - days * DAY_MS).toISOString();
        salesCounts.set(`${p.sku}@${days}d`, await sources.orders.unitsSoldSince(shopId, p.sku, since));
      }
    }
  }
  return {
    knownSkus,
    store: {
      products,
      facts: args.settings.facts,
      sales: args.settings.sales,
      orderItems: decision.orderItems,
      salesCounts,
      orderCount,
      knowledge: [...[...knowledge.values()].map((k) => k.answer), ...(args.passages ?? [])],
      now: args.now,
    },
  };
}
