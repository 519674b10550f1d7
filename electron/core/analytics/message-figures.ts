import type { HeatCell, ResponseTimes } from '../../../shared/domain/analytics';
import { type PeriodScope, SENT_OR_RECEIVED, type StatementCache } from './statements';

export interface MessageCounts {
  perDay: Map<string, { messagesIn: number; messagesOut: number }>;
  busyHours: HeatCell[];
  messagesIn: number;
  messagesOut: number;
  botReplies: number;
  sellerReplies: number;
}

interface GridRow {
  /** `YYYY-MM-DD HH w` on the shop's wall clock (w: weekday, 0 = Sunday). */
  slot: string;
  direction: 'in' | 'out';
  author: string;
  n: number;
}

/** Messages by local hour, direction and author: per-day counts, the weekday × hour heat map and reply counts in one scan. */
export function messageCounts(statement: StatementCache, scope: PeriodScope): MessageCounts {
  const rows = statement<GridRow>(
    `SELECT strftime('%Y-%m-%d %H %w', created_at, ${scope.shift('created_at')}) AS slot, direction, author, count(*) AS n
     FROM messages WHERE shop_id = ? AND created_at >= ? AND created_at < ? AND ${SENT_OR_RECEIVED}
     GROUP BY 1, 2, 3`,
  ).all(scope.shopId, scope.fromUtc, scope.toUtc);
  const out: MessageCounts = { perDay: new Map(), busyHours: [], messagesIn: 0, messagesOut: 0, botReplies: 0, sellerReplies: 0 };
  const heat = new Map<number, number>();
  for (const r of rows) {
    const day = r.slot.slice(0, 10);
    const hour = Number(r.slot.slice(11, 13));
    const weekday = Number(r.slot.slice(14));
    const counts = out.perDay.get(day) ?? { messagesIn: 0, messagesOut: 0 };
    out.perDay.set(day, counts);
    if (r.direction === 'in') {
      counts.messagesIn += r.n;
      out.messagesIn += r.n;
      const key = weekday * 24 + hour;
      heat.set(key, (heat.get(key) ?? 0) + r.n);
    } else {
      counts.messagesOut += r.n;
      out.messagesOut += r.n;
      if (r.author === 'bot') out.botReplies += r.n;
      if (r.author === 'seller') out.sellerReplies += r.n;
    }
  }
  out.busyHours = [...heat].sort(([a], [b]) => a - b).map(([key, count]) => ({ weekday: Math.floor(key / 24), hour: key % 24, count }));
  return out;
}

/** The value at fraction q of an ascending list (nearest rank), or null for an empty one. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

const summarise = (sorted: number[]): ResponseTimes => ({ count: sorted.length, medianSeconds: quantile(sorted, 0.5), p90Seconds: quantile(sorted, 0.9) });

/**
 * First-response time: from the first customer message no reply has answered yet to the next
 * message sent to the customer, split by who sent it (bot or seller). `kx` counts the replies
 * before each row of a conversation, so the customer messages waiting for a reply and that reply
 * share one (conversation, kx) group. Both ends must fall in the period.
 */
export function responseTimes(statement: StatementCache, scope: PeriodScope): { bot: ResponseTimes; seller: ResponseTimes } {
  const rows = statement<{ author: string; seconds: number }>(
    `SELECT author, seconds FROM (
       SELECT max(CASE WHEN d = 'out' THEN a END) AS author,
              (julianday(max(CASE WHEN d = 'out' THEN t END)) - julianday(min(CASE WHEN d = 'in' THEN t END))) * 86400.0 AS seconds
       FROM (SELECT conversation_id AS c, direction AS d, author AS a, created_at AS t,
                    coalesce(sum(direction = 'out') OVER (PARTITION BY conversation_id ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS kx
             FROM messages WHERE shop_id = ? AND created_at >= ? AND created_at < ? AND ${SENT_OR_RECEIVED})
       GROUP BY c, kx)
     WHERE seconds IS NOT NULL ORDER BY seconds`,
  ).all(scope.shopId, scope.fromUtc, scope.toUtc);
  const bot: number[] = [];
  const seller: number[] = [];
  for (const r of rows) (r.author === 'bot' ? bot : seller).push(Math.max(0, Math.round(r.seconds)));
  return { bot: summarise(bot), seller: summarise(seller) };
}
