import type { ProductDemand, UnansweredQuestion } from '../../../shared/domain/analytics';
import { normaliseText } from '../text';
import { sql } from 'kysely';
import type { Database } from '../database';
import type { ReadableDB } from '../store';
import { type PeriodScope, type StatementCache, jsonEach, messagesIndexedBy, preparedOnce } from './statements';

const TOP_PRODUCTS = 10;
const OUT_OF_STOCK = 20;
const UNANSWERED = 20;
/** Newest unanswered customer messages read before grouping (a bound on a very quiet bot's worst day). */
const UNANSWERED_SCAN = 1000;

/** A shop's period, as the statements take it. */
type Period = { shopId: number; fromUtc: string; toUtc: string };

const violations = (db: ReadableDB<Database>, p: Period) =>
  db
    .selectFrom('guardrail_violations')
    .where('shop_id', '=', p.shopId)
    .where('created_at', '>=', p.fromUtc)
    .where('created_at', '<', p.toUtc);

const queriesOf = preparedOnce((statements) => ({
  products: statements.prepare((db, p: { shopId: number; skus: string }) =>
    db
      .selectFrom('products')
      .select(['sku', 'name', 'stock'])
      .where('shop_id', '=', p.shopId)
      .where('sku', 'in', (eb) => eb.selectFrom(jsonEach<string>(p.skus)).select('j.value')),
  ),
  unanswered: statements.prepare((db, p: Period) =>
    db
      // The newest replies without an answer first, alone (a subquery with a limit is not flattened into the join).
      .selectFrom(
        db
          .selectFrom(messagesIndexedBy('messages_bot_other_by_time'))
          .select('m.id')
          // The partial index's own WHERE, inlined so that SQLite matches it.
          .where('m.shop_id', '=', p.shopId)
          .where('m.created_at', '>=', p.fromUtc)
          .where('m.created_at', '<', p.toUtc)
          .where('m.author', '=', sql.lit('bot'))
          .where(sql`json_extract(meta, '$.intent')`, '=', sql.lit('other'))
          .orderBy('m.created_at', 'desc')
          .limit(sql.lit(UNANSWERED_SCAN))
          .as('o'),
      )
      .innerJoin('messages as m', 'm.id', 'o.id')
      .innerJoin(sql<{ value: number }>`json_each(m.meta, '$.inReplyTo')`.as('r'), (join) => join.onTrue())
      .innerJoin('messages as q', 'q.id', 'r.value')
      .select(['q.text', 'q.created_at as at'])
      .where(sql`json_array_length(m.meta, '$.citations')`, '=', sql.lit(0))
      .where(sql`json_array_length(m.meta, '$.skus')`, '=', sql.lit(0))
      .where(sql`trim(q.text)`, '<>', sql.lit('')),
  ),
  known: statements.prepare((db, p: { shopId: number }) =>
    db.selectFrom('knowledge').select('question').where('shop_id', '=', p.shopId).where('status', '=', 'active'),
  ),
  byKind: statements.prepare((db, p: Period) =>
    violations(db, p)
      .select((eb) => ['kind', eb.fn.countAll<number>().as('count')])
      .groupBy('kind')
      .orderBy('count', 'desc')
      .orderBy('kind'),
  ),
  // One intervention per stopped reply: its violations share the time, the conversation and the reply.
  interventions: statements.prepare((db, p: Period) =>
    db
      .selectFrom(violations(db, p).select(['created_at', 'conversation_id', 'reply']).distinct().as('stopped'))
      .select((eb) => eb.fn.countAll<number>().as('n')),
  ),
}));

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
    queriesOf(statement)
      .products.all({ shopId, skus: JSON.stringify(skus) })
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
  const rows = queriesOf(statement).unanswered.all(scope);
  const known = new Set(
    queriesOf(statement)
      .known.all(scope)
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
  const queries = queriesOf(statement);
  const byKind = queries.byKind.all(scope);
  const row = queries.interventions.get(scope);
  return { interventions: row?.n ?? 0, byKind };
}
