import { afterEach, describe, expect, it } from 'vitest';
import type { BrainDecision } from '../../shared/domain/brain';
import type { Product } from '../../shared/domain/catalog';
import type { Order } from '../../shared/domain/orders';
import { orderProblems } from './consistency';
import { type Stack, commitsEvenWhenReplaced, makeOrderStack } from './stack';

/**
 * The order state, the order row and the reply that announces them are one decision. A reply the
 * guardrails (or the LLM) replaced does not advance the order; "yes" places exactly the summary
 * the customer was shown. Each scenario is also run with the bug planted (a replaced reply still
 * commits its plan) to show the checks catch it.
 */
let stack: Stack | null = null;
afterEach(async () => {
  await stack?.close();
  stack = null;
});

const ORDER = ['salam nheb ncommandi robe de soirée rouge taille M', 'Yacine Benali 0555123456', 'Oran, cité 200 logements bloc 4'];

/** The seller raised the dress's price after the offline brain read the catalog: the guardrails see 9900. */
const repriced = (p: Product): Product => (p.sku === 'DZ-DR-001' ? { ...p, price: 9900 } : p);

async function summaryReplacedByGuardrails(planted: boolean) {
  stack = await makeOrderStack({ storeView: repriced, ...(planted ? { wrapOffline: commitsEvenWhenReplaced } : {}) });
  const c = await stack.customer();
  for (const text of ORDER) await c.say(text);
  const last = c.exchanges.at(-1)!.decision;
  const yes = await c.say('oui');
  return { c, last, yes, orders: await stack.orders() };
}

describe('order state under a replaced reply', () => {
  it('a summary the guardrails replaced is not there to say yes to', async () => {
    const { c, last, yes, orders } = await summaryReplacedByGuardrails(false);
    // The summary quoted 6 500 DA while the store says 9 900: the customer got the holding message.
    expect(last.escalate).toBe(true);
    expect(last.orderAction).toBe('none');
    expect(yes.decision.orderAction).not.toBe('confirm');
    expect(orders).toHaveLength(0);
    expect(orderProblems(c.exchanges, orders)).toEqual([]);
    // Every reply that named the dress's old price was replaced, so none of them moved the order on.
    expect(c.exchanges.every((e) => e.decision.escalate)).toBe(true);
    expect(stack!.memory(c.conversationId)).toMatchObject({ stage: 'browsing', cart: [], shownSummary: null });
  });

  it('planted bug: committing replaced replies moves the memory on (and the conversation check still refuses the yes)', async () => {
    const { c, yes, orders } = await summaryReplacedByGuardrails(true);
    // The check above would fail: the memory took the cart and the summary the customer never saw.
    expect(stack!.memory(c.conversationId)).not.toMatchObject({ stage: 'browsing', cart: [], shownSummary: null });
    // The second guard: the summary's words are not in the conversation, so "oui" places nothing.
    expect(yes.decision.orderAction).not.toBe('confirm');
    expect(orders).toHaveLength(0);
    expect(orderProblems(c.exchanges, orders)).toEqual([]);
  });

  it('yes to a summary that no longer matches shows the new one, and the next yes places that', async () => {
    stack = await makeOrderStack();
    const c = await stack.customer();
    for (const text of ORDER) await c.say(text);
    expect(c.exchanges.at(-1)!.decision.reply).toMatch(/6\s500/);
    const dress = stack.products.find((p) => p.sku === 'DZ-DR-001')!;
    dress.price = 7200; // the seller edits the price while the customer reads
    const first = await c.say('oui');
    expect(first.decision.orderAction).not.toBe('confirm');
    expect(first.decision.reply).toMatch(/7\s200/);
    expect(await stack.orders()).toHaveLength(0);
    const second = await c.say('oui');
    expect(second.decision.orderAction).toBe('confirm');
    const orders = await stack.orders();
    expect(orders.map((o) => o.items[0]?.unitPrice)).toEqual([7200]);
    expect(orderProblems(c.exchanges, orders)).toEqual([]);
  });

  it('a summary the seller rewrote before it went out (approval mode) is not there to say yes to', async () => {
    stack = await makeOrderStack();
    const c = await stack.customer();
    for (const text of ORDER) await c.say(text);
    c.sellerRewroteLast('Je vérifie le stock et je reviens vers vous.');
    const first = await c.say('oui');
    expect(first.decision.orderAction).not.toBe('confirm');
    expect(first.decision.reply).toMatch(/7\s100/); // the summary, shown for real this time
    expect(await stack.orders()).toHaveLength(0);
    const second = await c.say('oui');
    expect(second.decision.orderAction).toBe('confirm');
    expect(orderProblems(c.exchanges, await stack.orders())).toEqual([]);
  });

  it('a crash after the order was placed but before its reply was stored: the re-run announces the same order', async () => {
    stack = await makeOrderStack();
    const c = await stack.customer();
    for (const text of ORDER) await c.say(text);
    const yes = await c.say('oui');
    const again = await c.replayLast();
    const orders = await stack.orders();
    expect(orders).toHaveLength(1);
    expect(again.decision).toMatchObject({ orderAction: 'confirm', citations: [`order:${orders[0]!.id}`] });
    expect(again.decision.reply).toBe(yes.decision.reply);
  });

  it('places the order with its number in the reply, once', async () => {
    stack = await makeOrderStack();
    const c = await stack.customer();
    for (const text of ORDER) await c.say(text);
    const yes = await c.say('oui');
    const orders = await stack.orders();
    expect(orders).toHaveLength(1);
    expect(yes.decision.reply).toContain(String(orders[0]!.id));
    expect(yes.decision.reply).not.toContain('{{order}}');
    expect(orders[0]).toMatchObject({ customerName: expect.stringMatching(/Yacine/), wilaya: 'Oran', deliveryFee: 600, total: 7100 });
    expect(orderProblems(c.exchanges, orders)).toEqual([]);
  });
});

describe('order state, whatever the guardrails decide', () => {
  // A phone typed with spaces tripped the guardrails on this build (the summary was replaced by a
  // holding message): either way, no order may exist that the customer was not shown — even with
  // the memory bug planted, the conversation check holds.
  it.each([false, true])('a phone with spaces never yields an unseen order (memory bug planted: %s)', async (planted) => {
    stack = await makeOrderStack(planted ? { wrapOffline: commitsEvenWhenReplaced } : {});
    const c = await stack.customer();
    for (const text of [
      'nheb ncommandi robe de soirée rouge taille M',
      'Yacine 0555 12 34 56',
      'Oran, cité 200 logements bloc 4',
      'oui',
      'oui',
    ])
      await c.say(text);
    const orders = await stack.orders();
    expect(orderProblems(c.exchanges, orders)).toEqual([]);
  });
});

describe('the consistency checker', () => {
  it('reports a confirmation without a row and a row without a confirmation', () => {
    const decision: BrainDecision = {
      reply: 'Commande n° 9 confirmée',
      language: 'fr',
      intent: 'order_request',
      sentiment: 'positive',
      confidence: 0.9,
      salesAction: 'none',
      orderAction: 'confirm',
      orderItems: [],
      escalate: false,
      escalateReason: null,
      citations: ['order:9'],
      skus: [],
      media: [],
    };
    const order: Order = {
      id: 4,
      shopId: 1,
      conversationId: 1,
      contactId: 1,
      status: 'new',
      customerName: 'A',
      phone: '',
      wilaya: '',
      commune: '',
      address: '',
      currency: 'DZD',
      itemsTotal: 100,
      deliveryFee: null,
      total: 100,
      cashCollected: null,
      language: 'fr',
      items: [{ sku: 'X', name: 'X', variant: null, quantity: 1, unitPrice: 100 }],
      createdAt: 'now',
      updatedAt: 'now',
    };
    const problems = orderProblems([{ text: 'oui', decision }], [order]);
    expect(problems).toHaveLength(2);
  });
});
