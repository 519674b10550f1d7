import type { WritableSqlite } from '../../store';
import type { ShopSettings } from '../../../../shared/domain/settings';
import type { Product } from '../../../../shared/domain/catalog';
import type { Clock, Logger } from '../../ports';
import type { Job, JobOutcome, Scheduler } from '../scheduler/scheduler';
import { dialectOf } from '../../../../shared/domain/country';
import { decideFollowUp } from './decide';
import { followUpDiscount, followUpText } from './follow-up-text';
import { makeFollowUpStore } from './follow-up-store';
import type { ProactiveOutbox } from './proactive-outbox';

const FOLLOW_UP_JOB = 'follow-up';
const followUpKey = (conversationId: number) => `follow-up:${conversationId}`;

export interface FollowUpsDeps {
  /** The writable database: follow-up state per conversation. */
  sqlite: WritableSqlite;
  /** The persistent scheduler each conversation's one check is put on. */
  scheduler: Scheduler;
  /** Time for due checks. */
  clock: Clock;
  /** Core's logger. */
  logger: Logger;
  /** A shop's settings: follow-ups on or off, the silence before one, opening hours. */
  settingsOf(shopId: number): Promise<ShopSettings>;
  /** The product a follow-up names (the cart's). */
  productBySku(shopId: number, sku: string): Product | undefined;
  /** Where a follow-up is written (a proactive message). */
  outbox: ProactiveOutbox;
  /** The shop's country (shops.country or derived): which Darija a follow-up speaks. */
  countryOf?(shopId: number, timeZone: string): string;
}

/**
 * Abandoned-cart follow-ups. Every answered turn (re)schedules the conversation's one check at
 * "now + the seller's silence"; when due, the check reads the store again and sends, waits
 * (opening hours, a takeover ending) or gives up — see decide.ts for the rules.
 */
export function makeFollowUps(deps: FollowUpsDeps) {
  const store = makeFollowUpStore(deps.sqlite, deps.productBySku);

  async function run(job: Job): Promise<JobOutcome> {
    const { conversationId } = job.payload as { conversationId: number };
    const now = deps.clock.now();
    const nowIso = now.toISOString();
    const facts = store.facts(conversationId, nowIso);
    if (!facts) return;
    const settings = await deps.settingsOf(facts.shopId);
    const decision = decideFollowUp(facts, settings, now);
    if (decision.kind === 'wait') return { nextAt: decision.until };
    if (decision.kind === 'skip') {
      deps.logger.debug({ conversationId, reason: decision.reason }, 'no follow-up');
      return;
    }
    const product = facts.product!;
    const discount = followUpDiscount(settings.sales.maxDiscountPercent);
    const dialect = dialectOf(deps.countryOf?.(facts.shopId, settings.facts.timeZone) ?? 'DZ');
    const text = followUpText(product, decision.language, discount, dialect);
    const meta = {
      followUp: true,
      language: decision.language,
      intent: 'other',
      salesAction: 'followup',
      orderAction: 'none',
      escalate: false,
      skus: [decision.sku],
      discountPercent: discount,
    };
    // Claim and write in one transaction: a crash before the commit sends nothing, a re-run after it finds the claim.
    const messageId = deps.sqlite.transaction(() => {
      if (!store.claim(conversationId, facts.shopId, facts.contactId, decision.sku, discount, nowIso)) return null;
      const id = deps.outbox.write(conversationId, text, meta, nowIso);
      if (id !== null) store.setMessage(conversationId, id);
      return id;
    })();
    if (messageId !== null) deps.outbox.announce(conversationId, messageId);
  }

  deps.scheduler.register(FOLLOW_UP_JOB, run);

  return {
    /** A turn was answered: the conversation's follow-up check moves to after the new silence. */
    async afterTurn(shopId: number, conversationId: number, at: Date): Promise<void> {
      const settings = await deps.settingsOf(shopId);
      if (!settings.sales.followUps || store.exists(conversationId)) return;
      const due = new Date(at.getTime() + settings.sales.followUpSilenceMinutes * 60_000);
      deps.scheduler.schedule(FOLLOW_UP_JOB, followUpKey(conversationId), due, { shopId, payload: { conversationId } });
    },
    stats: store.stats,
  };
}
