import type { ConversionRow, EscalationReason, Funnel } from '../../../shared/domain/analytics';
import { decodeEscalations } from '../../../shared/domain/notices';
import { type OrderRow, isLost } from './order-figures';
import { BotFlag, type ConversationActivity } from './message-figures';
import { type StatementCache, jsonEach, preparedOnce } from './statements';

/** One conversation in which the customer wrote during the period, with what happened in it. */
export interface ConversationFacts {
  id: number;
  accountId: number;
  accountLabel: string;
  /** The customer's language as the bot last detected it (null: the bot never answered). */
  language: string | null;
  seller: boolean;
  escalated: boolean;
  askedPrice: boolean;
  startedOrder: boolean;
  /** Read for escalated conversations (the only ones whose reason is counted); may be null for the others. */
  escalationReason: string | null;
}

const queriesOf = preparedOnce((statements) => ({
  accounts: statements.prepare((db) => db.selectFrom('accounts').select(['id', 'label'])),
  conversations: statements.prepare((db, p: { ids: string }) =>
    db
      .selectFrom(jsonEach<number>(p.ids))
      .innerJoin('conversations as cv', 'cv.id', 'j.value')
      .select((eb) =>
        eb.fn<string>('json_group_array', [eb.fn('json_array', ['cv.id', 'cv.account_id', 'cv.escalation_reason'])]).as('doc'),
      ),
  ),
}));

/** The conversations in which the customer wrote, with their number and escalation reason. */
export function conversationFacts(statement: StatementCache, activity: ReadonlyMap<number, ConversationActivity>): ConversationFacts[] {
  const labels = new Map(
    queriesOf(statement)
      .accounts.all()
      .map((a) => [a.id, a.label]),
  );
  // A conversation's number is known when the source read it (the rollups); its escalation reason
  // can change, so it is read now — only for the conversations that were escalated.
  const known: number[] = [];
  const lookUp: number[] = [];
  for (const [id, a] of activity) {
    if (!a.wrote) continue;
    if (a.accountId != null && (a.flags & BotFlag.Escalated) === 0) known.push(id);
    else lookUp.push(id);
  }
  // Driven by the id list (primary-key lookups), not an IN test over every conversation of the shop;
  // one JSON document out, as message-scan.ts (thousands of row objects through the driver cost more).
  const json = lookUp.length ? queriesOf(statement).conversations.get({ ids: JSON.stringify(lookUp) })?.doc : null;
  const rows = json ? (JSON.parse(json) as [id: number, accountId: number, escalationReason: string | null][]) : [];
  for (const id of known) rows.push([id, activity.get(id)!.accountId!, null]);
  return rows.map(([id, accountId, escalationReason]) => {
    const a = activity.get(id)!;
    return {
      id,
      accountId,
      accountLabel: labels.get(accountId) ?? String(accountId),
      escalationReason,
      language: a.language,
      seller: a.sellerWrote,
      escalated: (a.flags & BotFlag.Escalated) !== 0,
      askedPrice: (a.flags & BotFlag.AskedPrice) !== 0,
      startedOrder: (a.flags & BotFlag.StartedOrder) !== 0,
    };
  });
}

/** The codes of a conversation's escalation reason (notices.ts; free text from an AI model is a bot_note). */
export function escalationCodes(text: string | null): EscalationReason[] {
  const codes = [...new Set(decodeEscalations(text).map((n) => n.code))];
  return codes.length ? codes : ['bot_asked'];
}

export interface ConversationTotals {
  conversations: number;
  conversionRate: number | null;
  autoResolutionRate: number | null;
  escalationRate: number | null;
  escalations: number;
  funnel: Funnel;
  byLanguage: ConversionRow[];
  byAccount: ConversionRow[];
  escalationReasons: { reason: EscalationReason; count: number }[];
}

const rate = (part: number, whole: number): number | null => (whole ? part / whole : null);

function conversionRows(groups: Map<string, { label: string; conversations: number; orders: number }>): ConversionRow[] {
  return [...groups]
    .map(([key, g]) => ({ key, label: g.label, conversations: g.conversations, orders: g.orders, rate: rate(g.orders, g.conversations) }))
    .sort((a, b) => b.conversations - a.conversations || a.key.localeCompare(b.key));
}

/**
 * Funnel, conversion by language and by number, auto-resolution and escalations. Each funnel step
 * counts the conversations that got at least that far (an order confirmed without a price question
 * still passed "asked a price"), so the steps never grow.
 */
export function conversationTotals(facts: readonly ConversationFacts[], orders: readonly OrderRow[]): ConversationTotals {
  const ordered = new Set<number>();
  const delivered = new Set<number>();
  for (const o of orders) {
    if (o.conversationId === null) continue;
    if (!isLost(o.status) || o.status === 'returned') ordered.add(o.conversationId);
    if (o.status === 'delivered') delivered.add(o.conversationId);
  }
  const funnel: Funnel = { conversations: facts.length, askedPrice: 0, startedOrder: 0, confirmed: 0, delivered: 0 };
  const byLanguage = new Map<string, { label: string; conversations: number; orders: number }>();
  const byAccount = new Map<string, { label: string; conversations: number; orders: number }>();
  const reasons = new Map<EscalationReason, number>();
  // A shop has a handful of distinct reasons: each is decoded (a schema check) once per call.
  const codesOf = new Map<string | null, EscalationReason[]>();
  let converted = 0;
  let autoResolved = 0;
  let escalations = 0;
  for (const c of facts) {
    const stage = delivered.has(c.id) ? 4 : ordered.has(c.id) ? 3 : c.startedOrder ? 2 : c.askedPrice ? 1 : 0;
    if (stage >= 1) funnel.askedPrice++;
    if (stage >= 2) funnel.startedOrder++;
    if (stage >= 3) funnel.confirmed++;
    if (stage >= 4) funnel.delivered++;
    const won = stage >= 3 ? 1 : 0;
    converted += won;
    const lang = c.language ?? 'unknown';
    let l = byLanguage.get(lang);
    if (!l) byLanguage.set(lang, (l = { label: lang, conversations: 0, orders: 0 }));
    l.conversations++;
    l.orders += won;
    const accountKey = String(c.accountId);
    let a = byAccount.get(accountKey);
    if (!a) byAccount.set(accountKey, (a = { label: c.accountLabel, conversations: 0, orders: 0 }));
    a.conversations++;
    a.orders += won;
    if (c.escalated) {
      escalations++;
      let codes = codesOf.get(c.escalationReason);
      if (!codes) codesOf.set(c.escalationReason, (codes = escalationCodes(c.escalationReason)));
      for (const reason of codes) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    if (!c.seller && !c.escalated) autoResolved++;
  }
  return {
    conversations: facts.length,
    conversionRate: rate(converted, facts.length),
    autoResolutionRate: rate(autoResolved, facts.length),
    escalationRate: rate(escalations, facts.length),
    escalations,
    funnel,
    byLanguage: conversionRows(byLanguage),
    byAccount: conversionRows(byAccount),
    escalationReasons: [...reasons]
      .map(([reason, count]) => ({ reason, count }))
      .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason)),
  };
}
