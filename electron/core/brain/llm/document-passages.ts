import type { DocumentHit } from '../../knowledge/index';

/** Passages of the seller's documents a turn may carry to the model (each about 700 characters). */
const TURN_PASSAGES = 2;
/**
 * A passage goes to the model from this share of the question's content words: enough to be about
 * the question, lower than the offline answer's bar (DOCUMENT_ANSWERS_FROM) because the model reads
 * the passage and decides, instead of quoting it.
 */
export const PASSAGE_RELEVANT_FROM = 0.34;

/** The seller's document passages for the turn's prompt, as the model cites them. */
export interface PromptPassage {
  /** The citation id: "document:<documentId>#<chunkId>". */
  id: string;
  document: string;
  text: string;
}

export interface PassageSearch {
  search(shopId: number, text: string, k?: number): DocumentHit[];
}

/** The turn's relevant passages, best first; none without a document index or a good enough hit. */
export function relevantPassages(documents: PassageSearch | undefined, shopId: number, text: string): PromptPassage[] {
  if (!documents || !text.trim()) return [];
  let hits: DocumentHit[];
  try {
    hits = documents.search(shopId, text, TURN_PASSAGES);
  } catch {
    // The documents are extra context: a search that fails leaves the turn as it was without them.
    return [];
  }
  return hits
    .filter((h) => h.score >= PASSAGE_RELEVANT_FROM)
    .map((h) => ({ id: `document:${h.documentId}#${h.chunkId}`, document: h.documentName, text: h.text }));
}

/** What the guardrails accept as the seller's own words for a reply built on these passages. */
export const passageFacts = (passages: readonly PromptPassage[]): string[] => passages.flatMap((p) => [p.document, p.text]);
