import type { Product } from '../../../shared/domain/catalog';
import type { KnowledgeEntry } from '../../../shared/domain/knowledge';

interface Scored {
  score: number;
  matched: string[];
}

/**
 * What the FAQ page's search and "ask as a customer" need of the bot's retrieval (brain/retrieval's Retriever has it):
 * knowledge is given one by create-core and does not reach into the brain, which itself reads the FAQ.
 */
export interface KnowledgeSearchPort {
  searchKnowledge(shopId: number, text: string, k?: number): Promise<Array<Scored & { entry: KnowledgeEntry }>>;
  searchKnowledgeSync(shopId: number, text: string, k?: number): Array<Scored & { entry: KnowledgeEntry }>;
  searchProducts(shopId: number, text: string, k?: number): Promise<Array<Scored & { product: Product }>>;
}
