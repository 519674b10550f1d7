import type { Database } from '../../database';
import { type ReadableSqlite, typedStatements } from '../../store';
import type { FollowUpFigures } from '../../../../shared/domain/analytics';

/**
 * What learning adds to the Analytics page for a UTC period: follow-ups sent, the ones that ended in an order after
 * them ("recovered", with that revenue), and each selling strategy's conversations and orders. Null while the shop
 * has neither, so the page hides the section. A read model over learning's and orders' tables: it takes the
 * store's read handle.
 */
export function makeFollowUpFigures(sqlite: ReadableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  const followUps = statements.prepare((db, p: { shopId: number; from: string; to: string }) =>
    db
      .selectFrom('follow_ups as f')
      // The first order of the conversation at or after the follow-up.
      .leftJoin('orders as o', (join) =>
        join.on((eb) =>
          eb(
            'o.id',
            '=',
            eb
              .selectFrom('orders as earliest')
              .select((e) => e.fn.min('earliest.id').as('id'))
              .whereRef('earliest.conversation_id', '=', 'f.conversation_id')
              .whereRef('earliest.created_at', '>=', 'f.created_at'),
          ),
        ),
      )
      .select((eb) => [
        eb.fn.countAll<number>().as('sent'),
        eb.fn.coalesce(eb.fn.sum<number>(eb('o.id', 'is not', null)), eb.lit(0)).as('recovered'),
        eb.fn.sum<number | null>('o.total').as('revenue'),
      ])
      .where('f.shop_id', '=', p.shopId)
      .where('f.created_at', '>=', p.from)
      .where('f.created_at', '<', p.to),
  );
  const strategies = statements.prepare((db, p: { shopId: number; from: string; to: string }) =>
    db
      .selectFrom('strategy_choices')
      .select((eb) => [
        'strategy',
        eb.fn.countAll<number>().as('conversations'),
        eb.fn.coalesce(eb.fn.sum<number>(eb('rewarded', '>', 0)), eb.lit(0)).as('orders'),
      ])
      .where('shop_id', '=', p.shopId)
      .where('created_at', '>=', p.from)
      .where('created_at', '<', p.to)
      .groupBy('strategy')
      .orderBy('strategy'),
  );
  return {
    figures(shopId: number, period: { fromUtc: string; toUtc: string }): FollowUpFigures | null {
      const f = followUps.get({ shopId, from: period.fromUtc, to: period.toUtc });
      const rows = strategies.all({ shopId, from: period.fromUtc, to: period.toUtc });
      if (!f?.sent && rows.length === 0) return null;
      return {
        sent: f?.sent ?? 0,
        recovered: f?.recovered ?? 0,
        recoveredRevenue: f?.revenue ?? 0,
        strategies: rows.map((r) => ({ ...r, rate: r.conversations ? r.orders / r.conversations : 0 })),
      };
    },
  };
}
