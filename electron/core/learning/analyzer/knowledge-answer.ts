import type { BrainDecision } from '../../../../shared/domain/brain';
import type { BrainInput, Retriever } from '../../brain';
import { type DocumentsRepo, documentAnswer } from '../../knowledge/index';

/** Retrieval score from which an approved FAQ answer is trusted to answer on its own. */
const KNOWLEDGE_ANSWERS_FROM = 0.5;

/**
 * Approved knowledge reaching the offline brain: when the brain did not understand a question
 * (it escalated with "other") and an active FAQ entry matches it well, the seller's approved
 * answer goes out instead of "let me check", citing the entry. Pending and dismissed entries are
 * not in the index (knowledge/repo), so only what the seller approved can answer. A product the
 * question only reaches through a shared concept ("vous faites l'emballage cadeau ?" → the gift
 * box) is not "named" by product matching (brain/offline/resolve.ts), so such a question arrives
 * here not understood, not as that product's price.
 */
export function makeKnowledgeAnswer(retriever: Pick<Retriever, 'searchKnowledgeSync'>, documents: Pick<DocumentsRepo, 'search'>) {
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

  return (input: BrainInput, decision: BrainDecision): BrainDecision => {
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
