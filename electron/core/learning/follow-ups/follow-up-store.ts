import { CustomerLanguage } from '../../../../shared/domain/schemas';
import type { Product } from '../../../../shared/domain/catalog';
import type { FollowUpFacts } from './decide';
import { isOptOut } from './opt-out';
import { makeOptOutsRepo } from './opt-outs-repo';
import type { Database } from '../../database';
import { type WritableSqlite, typedStatements } from '../../store';

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
  const statements = typedStatements<Database>(sqlite);
  const s = {
    conversation: statements.prepare((db, p: { conversationId: number }) =>
      db
        .selectFrom('conversations as c')
        .innerJoin('contacts as k', 'k.id', 'c.contact_id')
        .select(['c.shop_id', 'c.contact_id', 'c.status', 'c.takeover', 'c.takeover_until', 'c.last_inbound_at', 'k.blocked'])
        .where('c.id', '=', p.conversationId),
    ),
    followedUp: statements.prepare((db, p: { conversationId: number }) =>
      db
        .selectFrom('follow_ups')
        .select((eb) => eb.lit(1).as('n'))
        .where('conversation_id', '=', p.conversationId),
    ),
    customerTexts: statements.prepare((db, p: { conversationId: number; after: number }) =>
      db
        .selectFrom('messages')
        .select(['id', 'text'])
        .where('conversation_id', '=', p.conversationId)
        .where('direction', '=', 'in')
        .where('id', '>', p.after)
        .orderBy('id', 'desc')
        .limit(40),
    ),
    botMetas: statements.prepare((db, p: { conversationId: number }) =>
      db
        .selectFrom('messages')
        .select(['meta', 'created_at'])
        .where('conversation_id', '=', p.conversationId)
        .where('direction', '=', 'out')
        .where('author', '=', 'bot')
        .orderBy('id', 'desc')
        .limit(40),
    ),
    orderSince: statements.prepare((db, p: { conversationId: number; since: string }) =>
      db
        .selectFrom('orders')
        .select((eb) => eb.lit(1).as('n'))
        .where('conversation_id', '=', p.conversationId)
        .where('created_at', '>=', p.since)
        .limit(1),
    ),
    insert: statements.prepare(
      (db, p: { conversationId: number; shopId: number; contactId: number; sku: string; discount: number; now: string }) =>
        db
          .insertInto('follow_ups')
          .values({
            conversation_id: p.conversationId,
            shop_id: p.shopId,
            contact_id: p.contactId,
            sku: p.sku,
            discount_percent: p.discount,
            created_at: p.now,
          })
          .onConflict((oc) => oc.doNothing()),
    ),
    setMessage: statements.prepare((db, p: { messageId: number; conversationId: number }) =>
      db.updateTable('follow_ups').set({ message_id: p.messageId }).where('conversation_id', '=', p.conversationId),
    ),
    stats: statements.prepare((db, p: { shopId: number; since: string }) =>
      db
        .selectFrom('follow_ups as f')
        .select((eb) => [
          eb.fn.countAll<number>().as('sent'),
          eb.fn
            .coalesce(
              eb.fn.sum<number>(
                eb.exists(
                  eb
                    .selectFrom('messages as m')
                    .select(eb.lit(1).as('one'))
                    .whereRef('m.conversation_id', '=', 'f.conversation_id')
                    .where('m.direction', '=', 'in')
                    .whereRef('m.id', '>', 'f.message_id'),
                ),
              ),
              eb.lit(0),
            )
            .as('replied'),
          eb.fn
            .coalesce(
              eb.fn.sum<number>(
                eb.exists(
                  eb
                    .selectFrom('orders as o')
                    .select(eb.lit(1).as('one'))
                    .whereRef('o.conversation_id', '=', 'f.conversation_id')
                    .whereRef('o.created_at', '>=', 'f.created_at'),
                ),
              ),
              eb.lit(0),
            )
            .as('ordered'),
        ])
        .where('f.shop_id', '=', p.shopId)
        .where('f.created_at', '>=', p.since)
        .where('f.message_id', 'is not', null),
    ),
  };

  const optOuts = makeOptOutsRepo(sqlite);

  function interestOf(conversationId: number): FollowUpFacts['interest'] {
    for (const row of s.botMetas.all({ conversationId })) {
      const meta = (row.meta ? JSON.parse(row.meta) : {}) as BotMeta;
      if (meta.followUp) continue;
      if (!INTEREST_INTENTS.has(meta.intent ?? '') && !INTEREST_ORDER_ACTIONS.has(meta.orderAction ?? '')) continue;
      const language = CustomerLanguage.safeParse(meta.language);
      return { sku: meta.skus?.[0] ?? null, language: language.success ? language.data : 'fr', at: row.created_at };
    }
    return null;
  }

  return {
    exists: (conversationId: number) => s.followedUp.get({ conversationId }) !== undefined,
    /** Everything the decision needs; an opt-out found in the messages is recorded for good. */
    facts(conversationId: number, now: string): (FollowUpFacts & { shopId: number; contactId: number }) | null {
      const c = s.conversation.get({ conversationId });
      if (!c) return null;
      let optedOut = optOuts.isOptedOut(c.contact_id);
      if (!optedOut) {
        // Only what the customer said after the seller last opted them back in.
        const said = s.customerTexts.all({ conversationId, after: optOuts.readFrom(c.contact_id) }).find((m) => isOptOut(m.text));
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
        alreadyFollowedUp: s.followedUp.get({ conversationId }) !== undefined,
        optedOut,
        interest,
        orderedSinceInterest: interest ? s.orderSince.get({ conversationId, since: interest.at }) !== undefined : false,
        product,
      };
    },
    /** Claims the conversation's one follow-up; false when another run already did. */
    claim: (conversationId: number, shopId: number, contactId: number, sku: string, discount: number, now: string) =>
      s.insert.run({ conversationId, shopId, contactId, sku, discount, now }).changes === 1,
    setMessage: (conversationId: number, messageId: number) => s.setMessage.run({ messageId, conversationId }),
    /** Sent since `sinceIso`, how many got a reply, and how many ended in an order. */
    stats: (shopId: number, sinceIso: string) => s.stats.get({ shopId, since: sinceIso }) ?? { sent: 0, replied: 0, ordered: 0 },
  };
}
