import type { WritableSqlite } from '../../store';
import type { BrainDecision } from '../../../../shared/domain/brain';
import { makeRetriever } from '../../brain/retrieval/retriever';
import type { BrainInput } from '../../brain/types';
import { documentAnswer, makeDocumentsRepo } from '../../knowledge/index';
import { isStopWord, tokenise } from '../../text/index';

/** Whether the message uses a word of the product's own name or aliases (not only a concept they share). */
function namesProduct(text: string, names: readonly string[]): boolean {
  const said = new Set(tokenise(text).filter((t) => t.length >= 3 && !isStopWord(t)));
  return names.some((name) => tokenise(name).some((t) => said.has(t)));
}

/** Retrieval score from which an approved FAQ answer is trusted to answer on its own. */
export const KNOWLEDGE_ANSWERS_FROM = 0.5;
/**
 * Score from which an approved FAQ answer wins over a product answer that the customer's words do
 * not name (a document passage wins once it covers the question): "vous faites l'emballage cadeau ?"
 * is a question the seller answered, not a price question about a gift box the catalog holds.
 */
export const KNOWLEDGE_OVERRIDES_FROM = 0.8;

/**
 * Approved knowledge reaching the offline brain: when the brain did not understand a question
 * (it escalated with "other"), or answered with a product the message does not name, and an
 * active FAQ entry matches it well, the seller's approved
 * answer goes out instead of "let me check", citing the entry. Pending and dismissed entries are
 * not in the index (knowledge/repo), so only what the seller approved can answer.
 */
export function makeKnowledgeAnswer(sqlite: WritableSqlite) {
  const retriever = makeRetriever({ sqlite });
  const documents = makeDocumentsRepo(sqlite);
  /** The seller's documents next: a passage that covers the question answers, naming its document. */
  function fromDocuments(input: BrainInput, decision: BrainDecision): BrainDecision {
    const answer = documentAnswer(documents.search(input.shopId, input.text, 3), input.text, decision.language);
    if (!answer) return decision;
    return {
      ...decision,
      reply: answer.reply,
      confidence: Math.max(decision.confidence, answer.score),
      escalate: false,
      escalateReason: null,
      citations: [...decision.citations, answer.citation],
    };
  }

  /** A product answer (not an order step) whose products the message does not name. */
  const unnamedProductAnswer = (input: BrainInput, decision: BrainDecision): boolean =>
    !decision.escalate &&
    decision.orderAction === 'none' &&
    (decision.intent === 'price_question' || decision.intent === 'availability' || decision.intent === 'other') &&
    decision.skus.length > 0 &&
    retriever
      .searchProductsSync(input.shopId, input.text, 5)
      .filter((hit) => decision.skus.includes(hit.product.sku))
      .every((hit) => !namesProduct(input.text, [hit.product.name, ...hit.product.aliases]));

  return (input: BrainInput, decision: BrainDecision): BrainDecision => {
    if (unnamedProductAnswer(input, decision)) {
      const hit = retriever.searchKnowledgeSync(input.shopId, input.text, 1)[0];
      if (hit && hit.score >= KNOWLEDGE_OVERRIDES_FROM)
        return {
          ...decision,
          reply: hit.entry.answer,
          skus: [],
          confidence: Math.max(decision.confidence, hit.score),
          citations: [`knowledge:${hit.entry.id}`],
        };
      const doc = fromDocuments(input, { ...decision, citations: [] });
      if (doc.citations.length > 0) return { ...doc, skus: [] };
      return decision;
    }
    if (!decision.escalate || decision.orderAction !== 'none') return decision;
    // A delivery question the shop's facts did not answer may be in a document, not in the FAQ.
    if (decision.intent === 'delivery_question' && decision.skus.length === 0) return fromDocuments(input, decision);
    if (decision.intent !== 'other') return decision;
    const hit = retriever.searchKnowledgeSync(input.shopId, input.text, 1)[0];
    if (!hit || hit.score < KNOWLEDGE_ANSWERS_FROM) return fromDocuments(input, decision);
    return {
      ...decision,
      reply: hit.entry.answer,
      confidence: Math.max(decision.confidence, hit.score),
      escalate: false,
      escalateReason: null,
      citations: [...decision.citations, `knowledge:${hit.entry.id}`],
    };
  };
}
