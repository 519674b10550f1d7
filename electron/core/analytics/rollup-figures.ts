import type { ResponseTimes } from '../../../shared/domain/analytics';
import type { DayFacts, SecondsHistogram } from './day-facts';
import type { OrderRow } from './order-figures';
import type { ConversationActivity, MessageFigures } from './message-figures';
import { Sender } from './message-scan';

/** The value at fraction q of the samples a histogram counts (nearest rank, as message-figures.ts `quantile`). */
function histogramQuantile(sorted: SecondsHistogram, total: number, q: number): number | null {
  if (total === 0) return null;
  const rank = Math.min(total, Math.max(1, Math.ceil(q * total)));
  let seen = 0;
  for (const [seconds, count] of sorted) {
    seen += count;
    if (seen >= rank) return seconds;
  }
  return sorted.at(-1)![0];
}

function summarise(counts: Map<number, number>): ResponseTimes {
  const sorted: SecondsHistogram = [...counts].sort(([a], [b]) => a - b);
  const total = sorted.reduce((n, [, c]) => n + c, 0);
  return { count: total, medianSeconds: histogramQuantile(sorted, total, 0.5), p90Seconds: histogramQuantile(sorted, total, 0.9) };
}

const add = (into: Map<number, number>, seconds: number, count = 1) => into.set(seconds, (into.get(seconds) ?? 0) + count);

/**
 * A period's message figures from its days' rollups (in day order), equal to message-figures.ts
 * over the same messages. Each conversation's first reply of a day is resolved here: it answers
 * the wait carried from the period's earlier days if there is one (a wait begun before the period
 * does not count, as on demand), else the day's own first customer message.
 */
export function rollupFigures(days: readonly { day: string; facts: DayFacts }[]): MessageFigures {
  const perDay = new Map<string, { messagesIn: number; messagesOut: number }>();
  const heat = new Map<number, number>();
  const bot = new Map<number, number>();
  const seller = new Map<number, number>();
  const conversations = new Map<number, ConversationActivity>();
  const productConversations = new Map<string, Set<number>>();
  const waiting = new Map<number, number>();
  const totals = { messagesIn: 0, messagesOut: 0, botReplies: 0, sellerReplies: 0 };
  for (const { day, facts } of days) {
    let dayIn = 0;
    let dayOut = 0;
    for (const [
      c,
      messagesIn,
      botReplies,
      sellerReplies,
      flags,
      language,
      firstWait,
      firstReply,
      replySender,
      endWait,
      accountId,
    ] of facts.conversations) {
      dayIn += messagesIn;
      dayOut += botReplies + sellerReplies;
      totals.botReplies += botReplies;
      totals.sellerReplies += sellerReplies;
      let a = conversations.get(c);
      if (!a) conversations.set(c, (a = { wrote: false, sellerWrote: false, flags: 0, language: null, accountId }));
      if (messagesIn > 0) a.wrote = true;
      if (sellerReplies > 0) a.sellerWrote = true;
      a.flags |= flags;
      if (language) a.language = language;
      const carried = waiting.get(c);
      if (firstReply === null) {
        if (carried === undefined && firstWait !== null) waiting.set(c, firstWait);
        continue;
      }
      const since = carried ?? firstWait;
      if (since !== null) add(replySender === Sender.Bot ? bot : seller, Math.round((firstReply - since) / 1000));
      if (endWait === null) waiting.delete(c);
      else waiting.set(c, endWait);
    }
    for (const [seconds, count] of facts.responses.bot) add(bot, seconds, count);
    for (const [seconds, count] of facts.responses.seller) add(seller, seconds, count);
    for (const [key, count] of facts.heat) add(heat, key, count);
    for (const [sku, ids] of facts.products) {
      let set = productConversations.get(sku);
      if (!set) productConversations.set(sku, (set = new Set()));
      for (const id of ids) set.add(id);
    }
    totals.messagesIn += dayIn;
    totals.messagesOut += dayOut;
    if (dayIn + dayOut > 0) perDay.set(day, { messagesIn: dayIn, messagesOut: dayOut });
  }
  return {
    ...totals,
    perDay,
    busyHours: [...heat].sort(([a], [b]) => a - b).map(([key, count]) => ({ weekday: Math.floor(key / 24), hour: key % 24, count })),
    responseTimes: { bot: summarise(bot), seller: summarise(seller) },
    conversations,
    productConversations,
  };
}

/** A period's orders from its days (newest first, as order-figures.ts reads them) and, with details, units per SKU. */
export function rollupOrders(
  days: readonly { day: string; facts: DayFacts }[],
  details: boolean,
): { orders: OrderRow[]; units: Map<string, number> | null } {
  const orders: OrderRow[] = [];
  const units = details ? new Map<string, number>() : null;
  for (const { day, facts } of days) {
    for (const [id, conversationId, status, total, cashCollected, createdAt, bySeller] of facts.orders)
      orders.push({ id, conversationId, status, total, cashCollected, createdAt, day, bySeller });
    if (units) for (const [sku, n] of facts.units) units.set(sku, (units.get(sku) ?? 0) + n);
  }
  orders.sort((a, b) => (a.createdAt === b.createdAt ? b.id - a.id : a.createdAt < b.createdAt ? 1 : -1));
  return { orders, units };
}
