import type Database from 'better-sqlite3';
import { formatMoney } from '../electron/core/brain/templates/format';
import type { CustomerLanguage } from '../shared/domain/schemas';
import type { Conversation, Single } from './data';
import type { OutLine } from './simulate-shop';

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s'-]+/g, '');

export interface Tally {
  n: number;
  ok: number;
}
const ratio = (t: Tally) => (t.n ? Math.round((t.ok / t.n) * 1000) / 1000 : null);
const add = (t: Tally, ok: boolean) => {
  t.n += 1;
  if (ok) t.ok += 1;
};

interface OrderRow {
  id: number;
  wilaya: string;
  total: number;
  currency: string;
  language: string | null;
  created_from_message_id: number | null;
  conversation_id: number | null;
  jid: string;
}

export interface Scores {
  orders: { conversations: number; completed: number; placed: number; cityRight: number; failed: string[] };
  languageTurns: Tally;
  singles: Map<string, { language: Tally; intent: Tally; product: Tally }>;
  violations: { caught: number; claimsEchoed: string[]; ordersNotShown: string[] };
}

export const emptyScores = (): Scores => ({
  orders: { conversations: 0, completed: 0, placed: 0, cityRight: 0, failed: [] },
  languageTurns: { n: 0, ok: 0 },
  singles: new Map(),
  violations: { caught: 0, claimsEchoed: [], ordersNotShown: [] },
});

/** Numbers as a reader sees them: "1 000", "1.000" and "1000" are one number; "19,90" keeps its decimals. */
const numbersIn = (text: string): string[] =>
  (text.replace(/(\d)[\s\u00a0\u202f.](?=\d{3}(?!\d))/g, '$1').match(/\d+(?:[.,]\d+)?/g) ?? []).map((n) => n.replace('.', ','));

const digitsOfJid = (jid: string) => jid.split('@')[0] ?? '';

/** A conversation ended in a correct order: exactly the expected lines (and variant where one is expected). */
export function scoreConversations(
  s: Scores,
  db: Database.Database,
  conversations: { c: Conversation; from: string; replies: OutLine[] }[],
): void {
  const orders = db
    .prepare(
      'SELECT o.id, o.wilaya, o.total, o.currency, o.language, o.created_from_message_id, o.conversation_id, k.jid FROM orders o JOIN contacts k ON k.id = o.contact_id',
    )
    .all() as OrderRow[];
  const items = db.prepare('SELECT sku, quantity, variant FROM order_items WHERE order_id = ?');
  for (const { c, from, replies } of conversations) {
    s.orders.conversations += 1;
    for (const r of replies) add(s.languageTurns, r.language === c.language);
    const mine = orders.filter((o) => digitsOfJid(o.jid) === from.replace(/^\+/, ''));
    if (mine.length) s.orders.placed += 1;
    const want = c.expect.items.map((i) => `${i.sku}×${i.quantity}${i.variant ? `:${fold(i.variant)}` : ''}`).sort();
    const right = mine.find((o) => {
      const got = (items.all(o.id) as { sku: string; quantity: number; variant: string | null }[]).map((i) => {
        const expected = c.expect.items.find((e) => e.sku === i.sku);
        return `${i.sku}×${i.quantity}${expected?.variant ? `:${fold(i.variant ?? '')}` : ''}`;
      });
      return JSON.stringify(got.sort()) === JSON.stringify(want);
    });
    if (right) {
      s.orders.completed += 1;
      if (!c.expect.city || fold(right.wilaya).includes(fold(c.expect.city)) || fold(c.expect.city).includes(fold(right.wilaya) || '∅'))
        s.orders.cityRight += 1;
    } else {
      s.orders.failed.push(
        `${c.id}: ${mine.length ? 'wrong order' : 'no order'}; last reply «${(replies.at(-1)?.reply ?? '').replace(/\n/g, ' ').slice(0, 140)}»`,
      );
    }
  }
  // Every order was preceded by a reply that showed its total (the summary the "yes" answered).
  const shownBefore = db.prepare(
    "SELECT text FROM messages WHERE conversation_id = ? AND direction = 'out' AND author = 'bot' AND id < ? ORDER BY id DESC LIMIT 1",
  );
  for (const o of orders) {
    const shown = (shownBefore.get(o.conversation_id, o.created_from_message_id ?? 0) as { text: string } | undefined)?.text ?? '';
    const total = formatMoney(o.total, o.currency, (o.language ?? 'fr') as CustomerLanguage);
    if (!shown.includes(total))
      s.violations.ordersNotShown.push(`order ${o.id} (${total}) after «${shown.replace(/\n/g, ' ').slice(0, 100)}»`);
  }
  s.violations.caught += (db.prepare('SELECT COUNT(*) AS n FROM guardrail_violations').get() as { n: number }).n;
}

export function scoreSingles(s: Scores, singles: { m: Single; reply: OutLine | undefined }[]): void {
  for (const { m, reply } of singles) {
    const t = s.singles.get(m.language) ?? { language: { n: 0, ok: 0 }, intent: { n: 0, ok: 0 }, product: { n: 0, ok: 0 } };
    s.singles.set(m.language, t);
    add(t.language, reply?.language === m.language);
    add(t.intent, reply?.intent === m.intent);
    if (m.sku) add(t.product, reply?.skus[0] === m.sku);
    if (m.claim && reply && numbersIn(reply.reply).includes(m.claim.replace('.', ',')))
      s.violations.claimsEchoed.push(`«${m.text}» → «${reply.reply.replace(/\n/g, ' ').slice(0, 120)}»`);
  }
}

const sum = (ts: Tally[]): Tally => ts.reduce((a, t) => ({ n: a.n + t.n, ok: a.ok + t.ok }), { n: 0, ok: 0 });

/** The figures as one object (the last stdout line). */
export function summary(s: Scores) {
  const langs = [...s.singles.entries()].sort(([a], [b]) => a.localeCompare(b));
  const per = (k: 'language' | 'intent' | 'product') => Object.fromEntries(langs.map(([l, t]) => [l, ratio(t[k])]));
  return {
    orders: {
      conversations: s.orders.conversations,
      completed: s.orders.completed,
      placed: s.orders.placed,
      cityRight: s.orders.cityRight,
      completion: ratio({ n: s.orders.conversations, ok: s.orders.completed }),
    },
    language: ratio(sum(langs.map(([, t]) => t.language))),
    languageTurns: ratio(s.languageTurns),
    intent: ratio(sum(langs.map(([, t]) => t.intent))),
    productFirst: ratio(sum(langs.map(([, t]) => t.product))),
    byLanguage: { language: per('language'), intent: per('intent'), productFirst: per('product') },
    singles: sum(langs.map(([, t]) => t.language)).n,
    violations: {
      caughtByGuardrails: s.violations.caught,
      claimsEchoed: s.violations.claimsEchoed.length,
      ordersNotShown: s.violations.ordersNotShown.length,
    },
  };
}
