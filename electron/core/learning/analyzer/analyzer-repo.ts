import type { AnalyzedMessage } from './extract';
import { sql } from 'kysely';
import type { Database } from '../../database';
import { type WritableSqlite, typedStatements } from '../../store';

/**
 * The rows one analysis pass reads (ordered conversations not analysed yet, their messages, the
 * shop's knowledge questions) and writes (analyzed_conversations, learned_sources; migration 0033).
 * Synchronous statements (typedStatements): the pass writes its results in one synchronous transaction
 * with the knowledge repository's (synchronous) create, so a learned entry and its source land together.
 */
export function makeAnalyzerRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  const s = {
    todo: statements.prepare((db, p: { shopId: number }) =>
      db
        .selectFrom('orders as o')
        .select((eb) => ['o.conversation_id', eb.fn.min('o.created_at').as('ordered_at')])
        .where('o.shop_id', '=', p.shopId)
        .where('o.conversation_id', 'is not', null)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('analyzed_conversations as a')
                .select(eb.lit(1).as('one'))
                .whereRef('a.conversation_id', '=', 'o.conversation_id'),
            ),
          ),
        )
        .groupBy('o.conversation_id')
        .orderBy('o.conversation_id')
        .$narrowType<{ conversation_id: number }>(),
    ),
    messages: statements.prepare((db, p: { conversationId: number; orderedAt: string }) =>
      db
        .selectFrom('messages')
        .select(['direction', 'author', 'text', 'meta'])
        .where('conversation_id', '=', p.conversationId)
        .where('created_at', '<=', p.orderedAt)
        .where('status', 'not in', ['draft', 'rejected'])
        .orderBy('id'),
    ),
    existing: statements.prepare((db, p: { shopId: number }) =>
      db.selectFrom('knowledge').select(['id', 'question', 'source']).where('shop_id', '=', p.shopId),
    ),
    markAnalyzed: statements.prepare((db, p: { conversationId: number; shopId: number; pairs: number; now: string }) =>
      db
        .insertInto('analyzed_conversations')
        .orIgnore()
        .values({ conversation_id: p.conversationId, shop_id: p.shopId, pairs: p.pairs, analyzed_at: p.now }),
    ),
    source: statements.prepare(
      (
        db,
        p: {
          knowledgeId: number;
          shopId: number;
          kind: string;
          category: string;
          confidence: number;
          support: number;
          conversationId: number | null;
          now: string;
        },
      ) =>
        db.insertInto('learned_sources').values({
          knowledge_id: p.knowledgeId,
          shop_id: p.shopId,
          kind: p.kind,
          category: p.category,
          confidence: p.confidence,
          support: p.support,
          conversation_id: p.conversationId,
          created_at: p.now,
        }),
    ),
    addSupport: statements.prepare((db, p: { knowledgeId: number; more: number }) =>
      db
        .updateTable('learned_sources')
        .set((eb) => ({
          support: eb('support', '+', p.more),
          confidence: sql<number>`min(0.95, ${sql.ref('confidence')} + 0.05 * ${p.more})`,
        }))
        .where('knowledge_id', '=', p.knowledgeId),
    ),
  };

  return {
    transaction: (work: () => void) => sqlite.transaction(work)(),
    todo: (shopId: number) => s.todo.all({ shopId }),
    messages: (conversationId: number, orderedAt: string): AnalyzedMessage[] => s.messages.all({ conversationId, orderedAt }),
    existing: (shopId: number) => s.existing.all({ shopId }),
    markAnalyzed: (conversationId: number, shopId: number, pairs: number, now: string) =>
      void s.markAnalyzed.run({ conversationId, shopId, pairs, now }),
    addSource: (row: {
      knowledgeId: number;
      shopId: number;
      kind: string;
      category: string;
      confidence: number;
      support: number;
      conversationId: number | null;
      now: string;
    }) => void s.source.run(row),
    addSupport: (knowledgeId: number, more: number) => void s.addSupport.run({ knowledgeId, more }),
  };
}
