import type { BrainSource, Violation, ViolationRecord } from '../../../../shared/domain/guardrails';
import type { BrainTables } from '../tables';
import { type WritableSqlite, typedStatements } from '../../store';

export interface ViolationEntry {
  shopId: number;
  conversationId: number | null;
  source: BrainSource;
  reply: string;
  action: ViolationRecord['action'];
  violations: Violation[];
  at: string;
}

/** Every guardrail violation, kept for the seller (table from migration 0006). */
export function makeViolationsRepo(sqlite: WritableSqlite) {
  const statements = typedStatements<BrainTables>(sqlite);
  const insert = statements.prepare(
    (
      db,
      p: {
        shopId: number;
        conversationId: number | null;
        source: string;
        kind: string;
        detail: string;
        fragment: string;
        reply: string;
        action: string;
        at: string;
      },
    ) =>
      db.insertInto('guardrail_violations').values({
        shop_id: p.shopId,
        conversation_id: p.conversationId,
        source: p.source,
        kind: p.kind,
        detail: p.detail,
        fragment: p.fragment,
        reply: p.reply,
        action: p.action,
        created_at: p.at,
      }),
  );
  const recent = statements.prepare((db, p: { shopId: number; limit: number }) =>
    db.selectFrom('guardrail_violations').selectAll().where('shop_id', '=', p.shopId).orderBy('id', 'desc').limit(p.limit),
  );
  const addAll = sqlite.transaction((entry: ViolationEntry) => {
    for (const v of entry.violations) {
      const { shopId, conversationId, source, reply, action, at } = entry;
      insert.run({ shopId, conversationId, source, kind: v.kind, detail: v.detail, fragment: v.fragment, reply, action, at });
    }
  });
  return {
    add(entry: ViolationEntry): void {
      addAll(entry);
    },
    recent(shopId: number, limit: number): ViolationRecord[] {
      return recent.all({ shopId, limit }).map((r) => ({
        id: r.id,
        shopId: r.shop_id,
        conversationId: r.conversation_id,
        source: r.source as ViolationRecord['source'],
        kind: r.kind as ViolationRecord['kind'],
        detail: r.detail,
        fragment: r.fragment,
        reply: r.reply,
        action: r.action as ViolationRecord['action'],
        createdAt: r.created_at,
      }));
    },
  };
}
export type ViolationsRepo = ReturnType<typeof makeViolationsRepo>;
