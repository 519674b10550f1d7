import type { ReadableSqlite } from '../../store';
import type { FollowUpFigures } from '../../../../shared/domain/analytics';

/**
 * What learning adds to the Analytics page for a UTC period: follow-ups sent, the ones that ended in an order after
 * them ("recovered", with that revenue), and each selling strategy's conversations and orders. Null while the shop
 * has neither, so the page hides the section. A read model over learning's and orders' tables: it takes the
 * store's read handle.
 */
export function makeFollowUpFigures(sqlite: ReadableSqlite) {
  const followUps = sqlite.prepare<[number, string, string], { sent: number; recovered: number; revenue: number | null }>(
    `SELECT count(*) AS sent,
            coalesce(sum(o.id IS NOT NULL), 0) AS recovered,
            sum(o.total) AS revenue
       FROM follow_ups f
       LEFT JOIN orders o ON o.id = (SELECT min(id) FROM orders WHERE conversation_id = f.conversation_id AND created_at >= f.created_at)
      WHERE f.shop_id = ? AND f.created_at >= ? AND f.created_at < ?`,
  );
  const strategies = sqlite.prepare<[number, string, string], { strategy: string; conversations: number; orders: number }>(
    `SELECT strategy, count(*) AS conversations, coalesce(sum(rewarded > 0), 0) AS orders
       FROM strategy_choices WHERE shop_id = ? AND created_at >= ? AND created_at < ?
      GROUP BY strategy ORDER BY strategy`,
  );
  return {
    figures(shopId: number, period: { fromUtc: string; toUtc: string }): FollowUpFigures | null {
      const f = followUps.get(shopId, period.fromUtc, period.toUtc);
      const rows = strategies.all(shopId, period.fromUtc, period.toUtc);
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
