import type { KnowledgeRepo } from '../../knowledge/index';
import type { WritableSqlite } from '../../store';
import { makeAnalyzerRepo } from './analyzer-repo';
import { extractPairs, memoClassify } from './extract';
import type { AskModel, LlmPassStats } from './llm-pairs';
import { makeMerger } from './merge';

export interface AnalysisResult {
  /** Ordered conversations analysed in this pass. */
  analysed: number;
  /** New pending entries. */
  learned: number;
  /** Pairs merged into an entry (new or existing) instead of listed twice. */
  merged: number;
  /** LLM-assisted analysis in this pass (absent when no model is configured). */
  llm?: LlmPassStats;
}

export interface AnalyzerDeps {
  /** The writable database: ordered conversations are read, learned pairs written. */
  sqlite: WritableSqlite;
  /** Existing knowledge, which new pairs are merged with rather than duplicated. */
  knowledge: KnowledgeRepo;
  /** Time stamped on what a pass writes. */
  now(): Date;
  /** The shop's model for this pass, when one is configured (llm-pairs.ts); heuristics always run. */
  llmFor?(shopId: number): Promise<{ ask: AskModel; stats: LlmPassStats } | null>;
}

const CHUNK = 400;
const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One analysis pass over a shop's ordered conversations not analysed yet: pairs extracted,
 * near-duplicates merged (with each other and with existing knowledge), results stored as
 * pending learned knowledge the seller approves. Works in chunks and yields between them, so
 * customers keep getting answers while it runs.
 */
export function makeAnalyzer(deps: AnalyzerDeps) {
  const s = makeAnalyzerRepo(deps.sqlite);
  async function run(shopId: number, onProgress?: (done: number, total: number) => void): Promise<AnalysisResult> {
    const todo = s.todo(shopId);
    const merger = makeMerger(s.existing(shopId));
    const classify = memoClassify();
    const llm = (await deps.llmFor?.(shopId)) ?? null;
    let merged = 0;
    const analysedPairs: Array<[number, number]> = [];
    for (let start = 0; start < todo.length; start += CHUNK) {
      for (const { conversation_id, ordered_at } of todo.slice(start, start + CHUNK)) {
        const messages = s.messages(conversation_id, ordered_at);
        // The model's validated pairs first, then the heuristics' (near-duplicates merge, the
        // better-founded answer wins); a model that fails or is over budget leaves the heuristics.
        const pairs = [...((await llm?.ask(messages)) ?? []), ...extractPairs(messages, classify)];
        for (const pair of pairs) if (merger.add(pair, conversation_id)) merged += 1;
        analysedPairs.push([conversation_id, pairs.length]);
      }
      onProgress?.(Math.min(todo.length, start + CHUNK), todo.length);
      await yieldToLoop();
    }
    const now = deps.now().toISOString();
    let learned = 0;
    s.transaction(() => {
      for (const c of merger.clusters()) {
        if (c.existing === 'learned' && c.support > 1 && c.knowledgeId !== null) s.addSupport(c.knowledgeId, c.support - 1);
        if (c.existing !== null) continue;
        const entry = deps.knowledge.create(
          shopId,
          { question: c.pair.question, answer: c.pair.answer, keywords: c.pair.keywords, source: 'learned', status: 'pending' },
          now,
        );
        const confidence = Math.min(0.95, c.pair.confidence + 0.05 * (c.support - 1));
        s.addSource({
          knowledgeId: entry.id,
          shopId,
          kind: c.pair.kind,
          category: c.pair.category,
          confidence,
          support: c.support,
          conversationId: c.conversationId,
          now,
        });
        learned += 1;
      }
      for (const [conversationId, pairs] of analysedPairs) s.markAnalyzed(conversationId, shopId, pairs, now);
    });
    onProgress?.(todo.length, todo.length);
    return { analysed: todo.length, learned, merged, ...(llm && { llm: llm.stats }) };
  }

  return { run };
}
export type Analyzer = ReturnType<typeof makeAnalyzer>;
