import { type SpendCap, makeSpendCap, makeUsageRepo, makeViolationsRepo } from './brain/index';
import { type Retriever, makeRetriever } from './brain/retrieval';
import { type ProductsRepo, makeProductsRepo } from './catalog/products-repo';
import { type DocumentsRepo, type KnowledgeRepo, makeDocumentsRepo, makeKnowledgeRepo } from './knowledge/index';
import { type OrdersRepo, makeOrdersRepo } from './orders/repo';
import type { Store } from './database';

/**
 * The repositories and the retriever several domains share, built once per store: createCore builds them and hands
 * each handler, brain and job the ones it uses (one retriever means one set of parsed search documents in memory).
 * Tests and benchmarks that wire a brain on a bare store call this too, so no domain builds its own.
 */
export interface CoreServices {
  products: ProductsRepo;
  orders: OrdersRepo;
  knowledge: KnowledgeRepo;
  documents: DocumentsRepo;
  retriever: Retriever;
  /** The LLM's daily caps: the brain, learning's analysis and the settings page count against the same figures. */
  spendCap: SpendCap;
  /** The guardrails' record of refused replies (the brain writes it; the seller reads it). */
  violations: ReturnType<typeof makeViolationsRepo>;
}

export function makeCoreServices(store: Pick<Store, 'db' | 'sqlite'>): CoreServices {
  return {
    products: makeProductsRepo(store.sqlite),
    orders: makeOrdersRepo(store.db),
    knowledge: makeKnowledgeRepo(store.sqlite),
    documents: makeDocumentsRepo(store.sqlite),
    retriever: makeRetriever({ sqlite: store.sqlite }),
    spendCap: makeSpendCap(makeUsageRepo(store.sqlite)),
    violations: makeViolationsRepo(store.sqlite),
  };
}
