import type { Database } from '../../database';
import { type ReadableSqlite, typedStatements } from '../../store';
import type { LearnedEntry } from '../../../../shared/domain/learning';

const DAY = 86_400_000;

/** Learned knowledge as the Learning page lists it: the entry, its origin and standing. */
export function makeLearnedRepo(sqlite: ReadableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  const s = {
    list: statements.prepare((db, p: { shopId: number; status: LearnedEntry['status'] }) =>
      db
        .selectFrom('learned_sources as l')
        .innerJoin('knowledge as k', 'k.id', 'l.knowledge_id')
        .select([
          'l.knowledge_id',
          'k.question',
          'k.answer',
          'k.keywords',
          'k.status',
          'l.kind',
          'l.category',
          'l.confidence',
          'l.support',
          'l.conversation_id',
          'l.created_at',
        ])
        .where('l.shop_id', '=', p.shopId)
        .where('k.status', '=', p.status)
        .orderBy('l.support', 'desc')
        .orderBy('l.confidence', 'desc')
        .orderBy('l.knowledge_id', 'desc')
        .limit(500)
        .$narrowType<{ status: LearnedEntry['status']; kind: LearnedEntry['kind'] }>(),
    ),
    learnedSince: statements.prepare((db, p: { shopId: number; since: string }) =>
      db
        .selectFrom('learned_sources')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('shop_id', '=', p.shopId)
        .where('created_at', '>=', p.since),
    ),
    salesSince: statements.prepare((db, p: { shopId: number; since: string }) =>
      db
        .selectFrom('analyzed_conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('shop_id', '=', p.shopId)
        .where('analyzed_at', '>=', p.since),
    ),
  };
  return {
    list(shopId: number, status: LearnedEntry['status']): LearnedEntry[] {
      return s.list.all({ shopId, status }).map((r) => ({
        knowledgeId: r.knowledge_id,
        question: r.question,
        answer: r.answer,
        keywords: (JSON.parse(r.keywords) as unknown[]).map(String),
        status: r.status,
        kind: r.kind,
        category: r.category,
        confidence: r.confidence,
        support: r.support,
        conversationId: r.conversation_id,
        createdAt: r.created_at,
      }));
    },
    /** "Learned N answers this week from M sales." */
    week(shopId: number, now: Date): { answers: number; sales: number } {
      const since = new Date(now.getTime() - 7 * DAY).toISOString();
      return { answers: s.learnedSince.get({ shopId, since })!.n, sales: s.salesSince.get({ shopId, since })!.n };
    },
  };
}
