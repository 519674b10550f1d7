import { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { Product } from '../../../../shared/domain/catalog';
import type { FollowUpFacts } from './decide';
import { isOptOut } from './opt-out';
import { makeOptOutsRepo } from './opt-outs-repo';
import type { WritableSqlite } from '../../store';

/** Bot turns that show the customer was close to buying. */
const INTEREST_INTENTS = new Set(['price_question', 'availability', 'order_request', 'objection_price', 'objection_hesitation']);
const INTEREST_ORDER_ACTIONS = new Set(['start', 'add_item']);

interface BotMeta {
  intent?: string;
  orderAction?: string;
  language?: string;
  skus?: string[];
  followUp?: boolean;
}

/** The follow-up's reads and writes on the store (migration 0031 plus the pipeline's tables). */
export function makeFollowUpStore(sqlite: WritableSqlite, productBySku: (shopId: number, sku: string) => Product | undefined) {
  const s = {
    conversation: sqlite.prepare<
      [number],
      {
        shop_id: number;
        contact_id: number;
        status: string;
        takeover: number;
        takeover_until: string | null;
        last_inbound_at: string | null;
        blocked: number;
      }
    >(
      `SELECT c.shop_id, c.contact_id, c.status, c.takeover, c.takeover_until, c.last_inbound_at, k.blocked
       FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE c.id = ?`,
    ),
    followedUp: sqlite.prepare<[number], { n: number }>('SELECT 1 AS n FROM follow_ups WHERE conversation_id = ?'),
    customerTexts: sqlite.prepare<[number, number], { id: number; text: string }>(
      "SELECT id, text FROM messages WHERE conversation_id = ? AND direction = 'in' AND id > ? ORDER BY id DESC LIMIT 40",
    ),
    botMetas: sqlite.prepare<[number], { meta: string | null; created_at: string }>(
      "SELECT meta, created_at FROM messages WHERE conversation_id = ? AND direction = 'out' AND author = 'bot' ORDER BY id DESC LIMIT 40",
    ),
    orderSince: sqlite.prepare<[number, string], { n: number }>(
      'SELECT 1 AS n FROM orders WHERE conversation_id = ? AND created_at >= ? LIMIT 1',
    ),
    insert: sqlite.prepare<[number, number, number, string, number, string]>(
      'INSERT INTO follow_ups (conversation_id, shop_id, contact_id, sku, discount_percent, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
    ),
    setMessage: sqlite.prepare<[number, number]>('UPDATE follow_ups SET message_id = ? WHERE conversation_id = ?'),
    stats: sqlite.prepare<[number, string], { sent: number; replied: number; ordered: number }>(
      `SELECT count(*) AS sent,
         coalesce(sum(EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = f.conversation_id AND m.direction = 'in' AND m.id > f.message_id)), 0) AS replied,
         coalesce(sum(EXISTS (SELECT 1 FROM orders o WHERE o.conversation_id = f.conversation_id AND o.created_at >= f.created_at)), 0) AS ordered
       FROM follow_ups f WHERE f.shop_id = ? AND f.created_at >= ? AND f.message_id IS NOT NULL`,
    ),
  };

  const optOuts = makeOptOutsRepo(sqlite);

  function interestOf(conversationId: number): FollowUpFacts['interest'] {
    for (const row of s.botMetas.all(conversationId)) {
      const meta = (row.meta ? JSON.parse(row.meta) : {}) as BotMeta;
      if (meta.followUp) continue;
      if (!INTEREST_INTENTS.has(meta.intent ?? '') && !INTEREST_ORDER_ACTIONS.has(meta.orderAction ?? '')) continue;
      const language = CustomerLanguage.safeParse(meta.language);
      return { sku: meta.skus?.[0] ?? null, language: language.success ? language.data : 'fr', at: row.created_at };
    }
    return null;
  }

  return {
    exists: (conversationId: number) => s.followedUp.get(conversationId) !== undefined,
    /** Everything the decision needs; an opt-out found in the messages is recorded for good. */
    facts(conversationId: number, now: string): (FollowUpFacts & { shopId: number; contactId: number }) | null {
      const c = s.conversation.get(conversationId);
      if (!c) return null;
      let optedOut = optOuts.isOptedOut(c.contact_id);
      if (!optedOut) {
        // Only what the customer said after the seller last opted them back in.
        const said = s.customerTexts.all(conversationId, optOuts.readFrom(c.contact_id)).find((m) => isOptOut(m.text));
        if (said) {
          optOuts.record(c.shop_id, c.contact_id, said.id, now);
          optedOut = true;
        }
      }
      const interest = interestOf(conversationId);
      const product = interest?.sku ? (productBySku(c.shop_id, interest.sku) ?? null) : null;
      return {
        shopId: c.shop_id,
        contactId: c.contact_id,
        status: c.status,
        blocked: c.blocked === 1,
        takeover: c.takeover === 1,
        takeoverUntil: c.takeover_until,
        lastInboundAt: c.last_inbound_at,
        alreadyFollowedUp: s.followedUp.get(conversationId) !== undefined,
        optedOut,
        interest,
        orderedSinceInterest: interest ? s.orderSince.get(conversationId, interest.at) !== undefined : false,
        product,
      };
    },
    /** Claims the conversation's one follow-up; false when another run already did. */
    claim: (conversationId: number, shopId: number, contactId: number, sku: string, discount: number, now: string) =>
      s.insert.run(conversationId, shopId, contactId, sku, discount, now).changes === 1,
    setMessage: (conversationId: number, messageId: number) => s.setMessage.run(messageId, conversationId),
    /** Sent since `sinceIso`, how many got a reply, and how many ended in an order. */
    stats: (shopId: number, sinceIso: string) => s.stats.get(shopId, sinceIso) ?? { sent: 0, replied: 0, ordered: 0 },
  };
}
