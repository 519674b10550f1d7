import type { BrainSource, Violation, ViolationRecord } from '../../../../shared/domain/guardrails';
import type { Selectable } from 'kysely';
import type { GuardrailViolationsTable } from '../tables';
import type { WritableSqlite } from '../../store';

/** A row as SQLite returns it: the table's own type. */
type Row = Selectable<GuardrailViolationsTable>;

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
  const insert = sqlite.prepare(
    `INSERT INTO guardrail_violations (shop_id, conversation_id, source, kind, detail, fragment, reply, action, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const recent = sqlite.prepare<[number, number], Row>(`SELECT * FROM guardrail_violations WHERE shop_id = ? ORDER BY id DESC LIMIT ?`);
  const addAll = sqlite.transaction((entry: ViolationEntry) => {
    for (const v of entry.violations) {
      insert.run(entry.shopId, entry.conversationId, entry.source, v.kind, v.detail, v.fragment, entry.reply, entry.action, entry.at);
    }
  });
  return {
    add(entry: ViolationEntry): void {
      addAll(entry);
    },
    recent(shopId: number, limit: number): ViolationRecord[] {
      return recent.all(shopId, limit).map((r) => ({
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
