import { type LearnedPair, contentWords } from './extract';

/** Word stems for near-duplicate matching: "livraison" and "livrer" meet at "livr". */
const stems = (text: string): Set<string> => new Set(contentWords(text).map((w) => w.slice(0, 4)));

export interface Cluster {
  pair: LearnedPair;
  support: number;
  conversationId: number | null;
  /** The knowledge entry this cluster is (an existing one), or null for a new one. */
  knowledgeId: number | null;
  /** An entry the seller wrote or already decided on: new sales only add support to learned ones. */
  existing: 'learned' | 'seller' | null;
  stems: Set<string>;
  /** The conversation that last added to this cluster: one sale supports an answer once. */
  lastConversationId: number | null;
}

export interface ExistingEntry {
  id: number;
  question: string;
  source: 'seller' | 'learned';
}

/** Jaccard similarity of stem sets at or above which two questions are the same question. */
const SAME_QUESTION = 0.5;

/**
 * Groups near-duplicate questions, within one analysis and against the knowledge the shop already
 * has, through an inverted index of stems (so 10,000 sales do not compare every pair).
 */
export function makeMerger(existing: readonly ExistingEntry[]) {
  const clusters: Cluster[] = [];
  const index = new Map<string, number[]>();

  function addCluster(cluster: Cluster): void {
    const id = clusters.push(cluster) - 1;
    for (const s of cluster.stems) {
      const list = index.get(s);
      if (list) list.push(id);
      else index.set(s, [id]);
    }
  }

  for (const e of existing) {
    addCluster({
      pair: { kind: 'qa', question: e.question, answer: '', category: 'general', confidence: 0, keywords: [] },
      support: 1,
      conversationId: null,
      knowledgeId: e.id,
      existing: e.source,
      stems: stems(e.question),
      lastConversationId: null,
    });
  }

  function nearest(words: Set<string>): Cluster | null {
    const overlap = new Map<number, number>();
    for (const s of words) for (const id of index.get(s) ?? []) overlap.set(id, (overlap.get(id) ?? 0) + 1);
    let best: Cluster | null = null;
    let bestScore = 0;
    for (const [id, shared] of overlap) {
      const c = clusters[id]!;
      const score = shared / (words.size + c.stems.size - shared);
      if (score > bestScore) {
        bestScore = score;
        best = c;
      }
    }
    return bestScore >= SAME_QUESTION ? best : null;
  }

  return {
    /** Adds a pair: merged into a near-duplicate (true) or a new cluster (false). */
    add(pair: LearnedPair, conversationId: number | null): boolean {
      const words = stems(pair.question);
      const same = words.size ? nearest(words) : null;
      if (same) {
        // The model and the heuristics may both find a pair in one sale: it still counts once.
        if (conversationId === null || same.lastConversationId !== conversationId) same.support += 1;
        same.lastConversationId = conversationId;
        // The better-founded answer wins (the seller's over the bot's).
        if (same.existing === null && pair.confidence > same.pair.confidence)
          same.pair = { ...pair, keywords: [...new Set([...same.pair.keywords, ...pair.keywords])] };
        return true;
      }
      addCluster({ pair, support: 1, conversationId, knowledgeId: null, existing: null, stems: words, lastConversationId: conversationId });
      return false;
    },
    clusters: () => clusters,
  };
}
