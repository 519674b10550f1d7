import type { ProductDemand, UnansweredQuestion } from '../../../shared/domain/analytics';
import { normaliseText } from '../text';
import type { PeriodScope, StatementCache } from './statements';

const TOP_PRODUCTS = 10;
const OUT_OF_STOCK = 20;
const UNANSWERED = 20;
/** Newest unanswered customer messages read before grouping (a bound on a very quiet bot's worst day). */
const UNANSWERED_SCAN = 1000;

/**
 * Products the bot answered about (the first SKU on its replies: the product the customer meant),
 * by number of conversations, with units ordered and today's stock. Out of stock: stock tracked
 * and at zero — lost demand.
 */
export function productDemand(
  statement: StatementCache,
  shopId: number,
  asked: ReadonlyMap<string, ReadonlySet<number>>,
  units: ReadonlyMap<string, number>,
): { top: ProductDemand[]; outOfStock: ProductDemand[] } {
  const skus = [...asked.keys()];
  const products = new Map(
    statement<{ sku: string; name: string; stock: number | null }>(
      `SELECT sku, name, stock FROM products WHERE shop_id = ? AND sku IN (SELECT value FROM json_each(?))`,
    )
      .all(shopId, JSON.stringify(skus))
      .map((p) => [p.sku, p]),
  );
  const all = skus
    .map((sku) => ({
      sku,
      name: products.get(sku)?.name ?? sku,
      requests: asked.get(sku)!.size,
      unitsOrdered: units.get(sku) ?? 0,
      stock: products.get(sku)?.stock ?? null,
    }))
    .sort((a, b) => b.requests - a.requests || a.sku.localeCompare(b.sku));
  return { top: all.slice(0, TOP_PRODUCTS), outOfStock: all.filter((p) => p.stock === 0).slice(0, OUT_OF_STOCK) };
}

/**
 * normaliseText remembered per text (bounded): the same questions come back call after call, and
 * folding them (accents, Arabic letters, Arabizi) was a good part of a warm overview.
 */
export function makeQuestionFold(max = 5000): (text: string) => string {
  const folded = new Map<string, string>();
  return (text) => {
    let key = folded.get(text);
    if (key === undefined) {
      if (folded.size >= max) folded.clear();
      folded.set(text, (key = normaliseText(text)));
    }
    return key;
  };
}

/**
 * Customer questions the brain had no answer for: its reply had no intent it recognised, cited no
 * catalog or FAQ row and named no product. Grouped by their folded text (case, accents, Arabic
 * letter variants, Arabizi digits), most asked first; questions already in the FAQ are left out.
 */
export function unansweredQuestions(
  statement: StatementCache,
  scope: PeriodScope,
  fold: (text: string) => string = normaliseText,
): UnansweredQuestion[] {
  // The newest replies without an answer come from the partial index of migration 0050 alone (newest first, stopping at the
  // bound); only those rows are then read for their citations, products and the customer's words.
  const rows = statement<{ text: string; at: string }>(
    `WITH other AS MATERIALIZED (
       SELECT id FROM messages INDEXED BY messages_bot_other_by_time
       WHERE shop_id = ? AND created_at >= ? AND created_at < ? AND author = 'bot' AND json_extract(meta, '$.intent') = 'other'
       ORDER BY created_at DESC LIMIT ${UNANSWERED_SCAN})
     SELECT q.text, q.created_at AS at
     FROM other o JOIN messages m ON m.id = o.id, json_each(m.meta, '$.inReplyTo') r JOIN messages q ON q.id = r.value
     WHERE json_array_length(m.meta, '$.citations') = 0 AND json_array_length(m.meta, '$.skus') = 0 AND trim(q.text) <> ''`,
  ).all(scope.shopId, scope.fromUtc, scope.toUtc);
  const known = new Set(
    statement<{ question: string }>(`SELECT question FROM knowledge WHERE shop_id = ? AND status = 'active'`)
      .all(scope.shopId)
      .map((k) => fold(k.question)),
  );
  const groups = new Map<string, UnansweredQuestion>();
  for (const r of rows) {
    const key = fold(r.text);
    if (!key || known.has(key)) continue;
    const g = groups.get(key);
    if (g) {
      g.count++;
      if (r.at > g.lastAskedAt) g.lastAskedAt = r.at;
    } else groups.set(key, { text: r.text.trim(), count: 1, lastAskedAt: r.at });
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || b.lastAskedAt.localeCompare(a.lastAskedAt)).slice(0, UNANSWERED);
}

/** Replies the guardrails stopped (regenerated or replaced), and violations by kind. */
export function guardrailFigures(
  statement: StatementCache,
  scope: PeriodScope,
): { interventions: number; byKind: { kind: string; count: number }[] } {
  const byKind = statement<{ kind: string; count: number }>(
    `SELECT kind, count(*) AS count FROM guardrail_violations WHERE shop_id = ? AND created_at >= ? AND created_at < ? GROUP BY kind ORDER BY count DESC, kind`,
  ).all(scope.shopId, scope.fromUtc, scope.toUtc);
  const row = statement<{ n: number }>(
    `SELECT count(*) AS n FROM (SELECT DISTINCT created_at, conversation_id, reply FROM guardrail_violations WHERE shop_id = ? AND created_at >= ? AND created_at < ?)`,
  ).get(scope.shopId, scope.fromUtc, scope.toUtc);
  return { interventions: row?.n ?? 0, byKind };
}
