import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';
import { documentsHandlers } from './documents/documents-app';
import type { DocumentsRepo } from './documents/documents-repo';
import type { KnowledgeRepo } from './repo';
import type { KnowledgeSearchPort } from './search-port';
import { tryAsCustomer } from './try-as-customer';

/** Handlers of shared/contract/knowledge.ts: the seller's FAQ and the test panel. */
export interface KnowledgeDeps {
  /** The repositories core shares (built once by create-core). */
  knowledge: KnowledgeRepo;
  /** The seller's documents repository (built once by create-core). */
  documents: DocumentsRepo;
  /** The bot's retrieval (the retriever create-core builds once): what a customer's question would find. */
  retriever: KnowledgeSearchPort;
}

export function knowledgeHandlers(ctx: CoreContext, { knowledge: repo, documents: docs, retriever }: KnowledgeDeps): HandlerMap {
  const { clock } = ctx;

  return {
    ...documentsHandlers(ctx, requireShop, docs),
    'knowledge/list': async ({ shopId, status, query }) => {
      await requireShop(ctx, shopId);
      const entries = repo.list(shopId, status);
      if (!query) return entries;
      // Search every status (the seller looks for pending ones too): plain text match on the
      // entry plus retrieval's ranking for active ones.
      const needle = query.toLocaleLowerCase();
      const ranked = retriever.searchKnowledgeSync(shopId, query, 50).map((h) => h.entry.id);
      const textual = entries.filter((e) => [e.question, e.answer, ...e.keywords].some((t) => t.toLocaleLowerCase().includes(needle)));
      const ids = [...new Set([...ranked, ...textual.map((e) => e.id)])];
      return ids.map((id) => entries.find((e) => e.id === id)).filter((e): e is NonNullable<typeof e> => !!e);
    },
    'knowledge/save': async ({ shopId, id, question, answer, keywords, status }) => {
      await requireShop(ctx, shopId);
      const now = clock.now().toISOString();
      if (id === undefined) return repo.create(shopId, { question, answer, keywords, source: 'seller', status: status ?? 'active' }, now);
      const updated = repo.update(shopId, id, { question, answer, keywords, ...(status ? { status } : {}) }, now);
      if (!updated) throw new ContractError('not_found', `No FAQ entry ${id}`);
      return updated;
    },
    'knowledge/set-status': async ({ shopId, id, status }) => {
      await requireShop(ctx, shopId);
      const updated = repo.update(shopId, id, { status }, clock.now().toISOString());
      if (!updated) throw new ContractError('not_found', `No FAQ entry ${id}`);
      return updated;
    },
    'knowledge/delete': async ({ shopId, id }) => {
      await requireShop(ctx, shopId);
      return { deleted: repo.delete(shopId, id) };
    },
    'knowledge/ask': async ({ shopId, question }) => {
      await requireShop(ctx, shopId);
      const entries = await retriever.searchKnowledge(shopId, question, 3);
      const products = await retriever.searchProducts(shopId, question, 3);
      return { answer: entries[0]?.entry.answer ?? null, entries, products };
    },
    'knowledge/try': async ({ shopId, question }) => {
      await requireShop(ctx, shopId);
      const entries = await retriever.searchKnowledge(shopId, question, 3);
      const documents = docs
        .search(shopId, question, 3)
        .map((h) => ({ documentId: h.documentId, name: h.documentName, score: h.score, matched: h.matched }));
      return { ...(await tryAsCustomer(ctx, shopId, question)), entries, documents };
    },
  };
}
