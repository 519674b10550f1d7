import type { Product } from '../../../shared/domain/catalog';
import { defaultLexicon, lexiconVersion, type Lexicon, tokenise } from '../text';

/**
 * What retrieval knows about a product, computed once on write: every field as canonical tokens
 * (see text/normalise.ts) and the lexicon concepts its names, aliases and category express.
 * Stored as JSON in products.search_doc and mirrored into the two FTS5 indexes.
 */
export interface ProductSearchDoc {
  /** Primary name first, then the other-language names; each as its token list. */
  names: string[][];
  aliases: string[][];
  category: string[];
  /** The description's first words (enough to tell products apart, cheap to re-rank). */
  description: string[];
  variants: string[][];
  concepts: string[];
  /**
   * Which concept table and tokeniser wrote it (text/lexicon.ts's lexiconVersion()). A document of an
   * older one is rewritten by the catalog indexer (migration 0045 queues every product once).
   */
  lexicon?: string;
}

export type ProductFields = Pick<Product, 'sku' | 'name' | 'altNames' | 'aliases' | 'category' | 'description' | 'variants'>;

const DESCRIPTION_TOKENS = 40;

export function productSearchDoc(product: ProductFields, lexicon: Lexicon = defaultLexicon): ProductSearchDoc {
  const names = [product.name, ...product.altNames].map(tokenise).filter((t) => t.length > 0);
  const aliases = product.aliases.map(tokenise).filter((t) => t.length > 0);
  const category = tokenise(product.category);
  const concepts = new Set<string>();
  for (const tokens of [...names, ...aliases, category]) for (const c of lexicon.conceptsOf(tokens)) concepts.add(c);
  return {
    names,
    aliases,
    category,
    description: tokenise(product.description).slice(0, DESCRIPTION_TOKENS),
    variants: product.variants.map((v) => tokenise(v.name)).filter((t) => t.length > 0),
    concepts: [...concepts].sort(),
    lexicon: lexiconVersion(),
  };
}

/** The shop token of every FTS row: delimited so shop 1 never matches shop 12 as a substring. */
export const shopToken = (shopId: number): string => `x${shopId}x`;

/** The text columns written to products_tri / products_words for one product. */
export function productIndexColumns(doc: ProductSearchDoc, sku: string) {
  const join = (lists: string[][]) => lists.map((t) => t.join(' ')).join(' ; ');
  return {
    names: join(doc.names),
    aliases: join([...doc.aliases, tokenise(sku)]),
    other: [doc.category.join(' '), doc.description.join(' ')].join(' ; '),
    concepts: doc.concepts.join(' '),
  };
}

export interface KnowledgeSearchDoc {
  question: string[];
  keywords: string[][];
  answer: string[];
  concepts: string[];
}

export function knowledgeSearchDoc(
  entry: { question: string; answer: string; keywords: string[] },
  lexicon: Lexicon = defaultLexicon,
): KnowledgeSearchDoc {
  const question = tokenise(entry.question);
  const keywords = entry.keywords.map(tokenise).filter((t) => t.length > 0);
  const concepts = new Set<string>();
  for (const tokens of [question, ...keywords]) for (const c of lexicon.conceptsOf(tokens)) concepts.add(c);
  return { question, keywords, answer: tokenise(entry.answer).slice(0, 80), concepts: [...concepts].sort() };
}
