import { afterEach, describe, expect, it } from 'vitest';
import type { BrainDecision } from '../../shared/domain/brain';
import { ShopSettings } from '../../shared/domain/settings';
import { makeShopBrain } from '../../electron/core/brain/index';
import { makeCustomerNumbersRepo } from '../../electron/core/brain/guardrails/customer-numbers-repo';
import { makeViolationsRepo } from '../../electron/core/brain/guardrails/violations-repo';
import type { Brain } from '../../electron/core/brain/types';
import { makeSpendCap } from '../../electron/core/brain/usage/spend-cap';
import { makeUsageRepo } from '../../electron/core/brain/usage/usage-repo';
import { makeOrdersRepo } from '../../electron/core/orders/repo';
import { type Store, openDatabase } from '../../electron/core/database';
import { decision } from '../../electron/core/test-utils/decisions';

/**
 * The router gives the guardrails what only it knows: the shop's country (national numbers are
 * read in its plan) and the number the customer writes from. An order announcement that repeats
 * the customer's own WhatsApp number, which they never typed, is honest and goes out.
 */
const settings = ShopSettings.parse({ facts: { timeZone: 'Europe/Rome' } });

const saying = (reply: string): Brain => ({
  decide: async (): Promise<BrainDecision> => decision({ reply, language: 'it', intent: 'order_request' }),
});

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function turn(reply: string, wired: { country: boolean; phones: boolean }): Promise<BrainDecision> {
  store = await openDatabase({ file: ':memory:' });
  const now = '2026-03-01T10:00:00.000Z';
  store.sqlite.prepare("INSERT INTO shops (id, name, currency, created_at, country) VALUES (1, 'Dolci', 'EUR', ?, 'IT')").run(now);
  const contactId = Number(
    store.sqlite.prepare("INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, '393285556677@s.whatsapp.net', ?)").run(now)
      .lastInsertRowid,
  );
  const brain = makeShopBrain({
    offline: saying(reply),
    settings: { get: async () => settings },
    shops: { get: async () => ({ name: 'Dolci', currency: 'EUR' }) },
    secrets: { get: async () => null, set: async () => {}, delete: async () => {} },
    catalog: { getBySku: () => undefined },
    orders: makeOrdersRepo(store.db),
    spendCap: makeSpendCap(makeUsageRepo(store.sqlite)),
    violations: makeViolationsRepo(store.sqlite),
    clock: { now: () => new Date(now) },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    ...(wired.country && { country: () => 'IT' }),
    ...(wired.phones && { customerPhones: makeCustomerNumbersRepo(store.sqlite) }),
  });
  return brain.decide({
    shopId: 1,
    conversationId: 1,
    contactId,
    inboundMessageIds: [1],
    text: 'sì, confermo',
    history: [],
    now: new Date(now),
  });
}

describe('the router passes the shop country and the customer numbers to the guardrails', () => {
  const reply = 'Grazie! Il negozio ti chiamerà al 328 555 6677 per la consegna.';

  it('lets a reply repeat the number the customer writes from, in the national format', async () => {
    const d = await turn(reply, { country: true, phones: true });
    expect(d.reply).toBe(reply);
    expect(d.escalate).toBe(false);
  });

  it('(planted) without them the same honest reply is replaced by a holding message', async () => {
    const d = await turn(reply, { country: false, phones: false });
    expect(d.reply).not.toBe(reply);
    expect(d.escalate).toBe(true);
  });

  it('still catches a number that is neither the customer’s nor the shop’s', async () => {
    const d = await turn('Il negozio ti chiamerà al 328 555 1234.', { country: true, phones: true });
    expect(d.reply).not.toContain('328 555 1234');
  });
});
