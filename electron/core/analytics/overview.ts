import type { AnalyticsKpis, AnalyticsOverview, DayRow } from '../../../shared/domain/analytics';
import { type ConversationTotals, conversationFacts, conversationTotals } from './conversation-figures';
import { guardrailFigures, productDemand, unansweredQuestions } from './demand-figures';
import type { FollowUpSource } from './follow-ups';
import { type MessageFigures, messageFigures } from './message-figures';
import { scanMessages } from './message-scan';
import { type OrderRow, isLost, orderTotals, ordersOfPeriod, unitsOrdered } from './order-figures';
import type { PeriodScope, StatementCache } from './statements';
import { type ZonedPeriod, addDays, dayCount, localShiftSql, zonedPeriod } from './zone';

export interface OverviewRequest {
  shopId: number;
  from: string;
  to: string;
  timeZone: string;
  currency: string;
  compare: boolean;
  typingSeconds: number;
}

export const scopeOf = (shopId: number, period: ZonedPeriod): PeriodScope => ({
  shopId,
  fromUtc: period.fromUtc,
  toUtc: period.toUtc,
  shift: (column) => localShiftSql(column, period.stretches),
  stretches: period.stretches,
});

interface PeriodFigures {
  kpis: AnalyticsKpis;
  orders: OrderRow[];
  conversations: ConversationTotals;
  messages: MessageFigures;
  guardrails: ReturnType<typeof guardrailFigures>;
}

/**
 * Where a period's message figures come from: the messages themselves (on demand, the reference)
 * or the daily rollups (rollups.ts), which must give the same figures. `details: false` (the
 * comparison period) lets a source skip what only the current period shows.
 */
export type MessageSource = (shopId: number, period: ZonedPeriod, scope: PeriodScope, details: boolean) => MessageFigures;

export const onDemandMessages =
  (statement: StatementCache): MessageSource =>
  (_shopId, _period, scope, details) =>
    messageFigures(scanMessages(statement, scope, { details }), scope.stretches);

/** The headline figures of one period (what the comparison needs too). */
function periodFigures(
  statement: StatementCache,
  source: MessageSource,
  period: ZonedPeriod,
  scope: PeriodScope,
  typingSeconds: number,
  details = true,
): PeriodFigures {
  const orders = ordersOfPeriod(statement, scope);
  const money = orderTotals(orders);
  const messages = source(scope.shopId, period, scope, details);
  const conversations = conversationTotals(conversationFacts(statement, messages.conversations), orders);
  const guardrails = guardrailFigures(statement, scope);
  const kpis: AnalyticsKpis = {
    ...money,
    conversations: conversations.conversations,
    conversionRate: conversations.conversionRate,
    autoResolutionRate: conversations.autoResolutionRate,
    escalationRate: conversations.escalationRate,
    escalations: conversations.escalations,
    guardrailInterventions: guardrails.interventions,
    messagesIn: messages.messagesIn,
    messagesOut: messages.messagesOut,
    botReplies: messages.botReplies,
    sellerReplies: messages.sellerReplies,
    timeSavedMinutes: Math.round((messages.botReplies * typingSeconds) / 6) / 10,
  };
  return { kpis, orders, conversations, messages, guardrails };
}

/** One row per day of the period, zeros included, so a chart has no holes. */
function dayRows(period: ZonedPeriod, figures: PeriodFigures): DayRow[] {
  const orders = new Map<string, { orders: number; revenue: number }>();
  for (const o of figures.orders) {
    if (isLost(o.status)) continue;
    const d = orders.get(o.day) ?? { orders: 0, revenue: 0 };
    orders.set(o.day, { orders: d.orders + 1, revenue: Math.round((d.revenue + o.total) * 100) / 100 });
  }
  return period.days.map((day) => ({
    day,
    messagesIn: figures.messages.perDay.get(day)?.messagesIn ?? 0,
    messagesOut: figures.messages.perDay.get(day)?.messagesOut ?? 0,
    orders: orders.get(day)?.orders ?? 0,
    revenue: orders.get(day)?.revenue ?? 0,
  }));
}

/** Everything the Analytics page shows for a period, in one call. */
export function computeOverview(
  statement: StatementCache,
  followUps: FollowUpSource,
  req: OverviewRequest,
  source: MessageSource = onDemandMessages(statement),
): AnalyticsOverview {
  const period = zonedPeriod(req.from, req.to, req.timeZone);
  const scope = scopeOf(req.shopId, period);
  const current = periodFigures(statement, source, period, scope, req.typingSeconds);
  const length = dayCount(req.from, req.to);
  const previous = req.compare ? { from: addDays(req.from, -length), to: addDays(req.from, -1) } : null;
  const previousPeriod = previous && zonedPeriod(previous.from, previous.to, req.timeZone);
  const previousKpis = previousPeriod
    ? periodFigures(statement, source, previousPeriod, scopeOf(req.shopId, previousPeriod), req.typingSeconds, false).kpis
    : null;
  const demand = productDemand(statement, req.shopId, current.messages.productConversations, unitsOrdered(statement, scope));
  return {
    period: {
      from: period.from,
      to: period.to,
      timeZone: period.timeZone,
      fromUtc: period.fromUtc,
      toUtc: period.toUtc,
      days: period.days.length,
    },
    previous,
    currency: req.currency,
    typingSeconds: req.typingSeconds,
    kpis: current.kpis,
    previousKpis,
    funnel: current.conversations.funnel,
    byLanguage: current.conversations.byLanguage,
    byAccount: current.conversations.byAccount,
    responseTimes: current.messages.responseTimes,
    escalationReasons: current.conversations.escalationReasons,
    guardrails: current.guardrails.byKind,
    days: dayRows(period, current),
    busyHours: current.messages.busyHours,
    topProducts: demand.top,
    outOfStock: demand.outOfStock,
    unanswered: unansweredQuestions(statement, scope),
    followUps: followUps.figures(req.shopId, { fromUtc: period.fromUtc, toUtc: period.toUtc }),
  };
}
