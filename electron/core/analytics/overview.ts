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

/** A period's message figures, its orders and (with details) the units ordered per SKU. */
export interface PeriodActivity {
  messages: MessageFigures;
  orders: OrderRow[];
  units: Map<string, number> | null;
}

/**
 * Where a period's activity comes from: the messages and orders themselves (on demand, the
 * reference) or the daily rollups (rollups.ts), which must give the same figures. `details: false`
 * (the comparison period) lets a source skip what only the current period shows.
 */
export type PeriodSource = (shopId: number, period: ZonedPeriod, scope: PeriodScope, details: boolean) => PeriodActivity;

export const onDemandActivity =
  (statement: StatementCache): PeriodSource =>
  (_shopId, _period, scope, details) => ({
    messages: messageFigures(scanMessages(statement, scope, { details }), scope.stretches),
    orders: ordersOfPeriod(statement, scope),
    units: details ? unitsOrdered(statement, scope) : null,
  });

/** The headline figures of one period (what the comparison needs too). */
function periodFigures(statement: StatementCache, activity: PeriodActivity, scope: PeriodScope, typingSeconds: number): PeriodFigures {
  const { orders, messages } = activity;
  const money = orderTotals(orders);
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

export interface OverviewOptions {
  /** Where messages and orders come from (default: on demand from the store). */
  source?: PeriodSource;
  /** Question folding for unanswered questions (default normaliseText; the service remembers it). */
  fold?: (text: string) => string;
  /** zone.ts `zonedPeriod`, or a remembered one (it is pure; Intl offsets cost a few ms a period). */
  zoned?: typeof zonedPeriod;
}

/** Everything the Analytics page shows for a period, in one call. */
export function computeOverview(
  statement: StatementCache,
  followUps: FollowUpSource,
  req: OverviewRequest,
  options: OverviewOptions = {},
): AnalyticsOverview {
  const { source = onDemandActivity(statement), fold, zoned = zonedPeriod } = options;
  const period = zoned(req.from, req.to, req.timeZone);
  const scope = scopeOf(req.shopId, period);
  const activity = source(req.shopId, period, scope, true);
  const current = periodFigures(statement, activity, scope, req.typingSeconds);
  const length = dayCount(req.from, req.to);
  const previous = req.compare ? { from: addDays(req.from, -length), to: addDays(req.from, -1) } : null;
  const previousPeriod = previous && zoned(previous.from, previous.to, req.timeZone);
  const previousKpis = previousPeriod
    ? (() => {
        const previousScope = scopeOf(req.shopId, previousPeriod);
        return periodFigures(statement, source(req.shopId, previousPeriod, previousScope, false), previousScope, req.typingSeconds).kpis;
      })()
    : null;
  const demand = productDemand(statement, req.shopId, current.messages.productConversations, activity.units ?? new Map());
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
    unanswered: unansweredQuestions(statement, scope, fold),
    followUps: followUps.figures(req.shopId, { fromUtc: period.fromUtc, toUtc: period.toUtc }),
  };
}
