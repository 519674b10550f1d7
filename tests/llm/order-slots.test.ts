import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { orderProblems } from '../orders/consistency';
import { type Stack, commitsEvenWhenReplaced, makeOrderStack } from '../orders/stack';
import { completion } from '../../electron/core/test-utils/fake-openai-server';
import { fakeEndpointPerFile } from './endpoint-per-file';
import { llmJson } from './harness';

/**
 * With an LLM configured, the model reads the order slots (items, quantity, variant, name, phone,
 * city, address) from its structured answer; deterministic code checks every value (catalog, phone
 * parser, gazetteer and zones, the customer's own words) and the offline order flow alone asks,
 * summarises and places. Scripted answers include wrong ones.
 */
const server = fakeEndpointPerFile();
let stack: Stack;

beforeEach(async () => {
  server.fallback = completion(llmJson({ reply: 'Avec plaisir !', intent: 'other', citations: [], skus: [] }));
  stack = await makeOrderStack({ llmBaseUrl: server.baseUrl });
});
afterEach(async () => {
  await stack.close();
});

type Slots = { items?: unknown[]; name?: string | null; phone?: string | null; city?: string | null; address?: string | null };
/** A model answer that reads order slots (its reply is not used while the order is taken). */
const ordering = (order: Slots, reply = 'Très bien, je note.') =>
  completion({ ...llmJson({ reply, intent: 'order_request', orderAction: 'start', citations: [], skus: [] }), order });

describe('LLM slot extraction', () => {
  it('fills the cart and the details from the model, and the order flow places exactly that', async () => {
    const c = await stack.customer();
    // "one for me and one for my sister": the model reads 2, the offline reading alone sees "wa7da" (1).
    server.script(ordering({ items: [{ sku: 'DZ-DR-001', quantity: 2, variant: 'M' }] }));
    await c.say('bghit robe de soirée rouge taille M, wa7da liya w wa7da l okhti');
    server.script(
      ordering({
        items: [{ sku: 'DZ-DR-001', quantity: 2, variant: 'M' }],
        name: 'Samira',
        phone: '0661234567',
        city: 'Oran',
        address: 'hay Gambetta rue 12',
      }),
    );
    const summary = await c.say('c pour ma soeur samira, elle est a wahran hay Gambetta rue 12, 0661234567');
    expect(summary.decision.reply).toMatch(/×2/);
    expect(summary.decision.reply).toMatch(/13\s600/); // 2 × 6 500 + 600 delivery to Oran
    const yes = await c.say('oui');
    expect(yes.decision.orderAction).toBe('confirm');
    const [order] = await stack.orders();
    expect(order).toMatchObject({
      customerName: 'Samira',
      phone: '0661234567',
      wilaya: 'Oran',
      address: 'hay Gambetta rue 12',
      total: 13600,
    });
    expect(order?.items).toEqual([expect.objectContaining({ sku: 'DZ-DR-001', variant: 'M', quantity: 2 })]);
    expect(orderProblems(c.exchanges, await stack.orders())).toEqual([]);
    // The model was asked for the slots; the "yes" was decided without it.
    expect(server.requests).toHaveLength(2);
    expect(server.requests[0]?.body.messages?.[0]?.content).toContain('"order"');
  });

  it('refuses an unknown SKU, a quantity of 0, a size the product lacks, a phone that does not parse or was never typed, a city that is nowhere', async () => {
    const c = await stack.customer();
    server.script(
      ordering({
        items: [
          { sku: 'DZ-XX-999', quantity: 1, variant: null },
          { sku: 'DZ-BG-001', quantity: 0, variant: null },
          { sku: 'DZ-DR-001', quantity: 1, variant: 'XXL' },
        ],
        name: 'Karim',
        phone: '0555',
        city: 'Atlantis',
      }),
    );
    const first = await c.say('salam nheb robe de soirée rouge, ana karim');
    const memory = stack.memory(c.conversationId) as {
      cart: { sku: string; variant: string | null; quantity: number }[];
      slots: Record<string, string | null>;
    };
    expect(memory.cart).toEqual([{ sku: 'DZ-DR-001', variant: null, quantity: 1 }]);
    expect(memory.slots).toMatchObject({ name: 'Karim', phone: null, wilaya: null });
    // The size the model made up is not taken: the customer is asked which size.
    expect(first.decision.reply).toMatch(/\bS\b.*\bM\b.*\bL\b/s);
    const refused = stack.logs.find((l) => l.includes('LLM order slots refused')) ?? '';
    for (const what of ['unknown SKU DZ-XX-999', 'quantity 0 for DZ-BG-001', 'variant XXL of DZ-DR-001', 'phone 0555', 'city Atlantis'])
      expect(refused).toContain(what);

    server.script(
      ordering({
        items: [{ sku: 'DZ-DR-001', quantity: 1, variant: 'L' }],
        name: 'Karim',
        phone: '0770998877',
        city: 'Oran',
        address: 'Boulevard Inventé 9',
      }),
    );
    await c.say('L');
    const after = stack.memory(c.conversationId) as { cart: unknown[]; slots: Record<string, string | null> };
    // A phone and an address the customer never typed are the model's inventions.
    expect(after.slots).toMatchObject({ phone: null, wilaya: 'Oran' });
    expect(after.slots.address).not.toBe('Boulevard Inventé 9');
    const refusedLater = stack.logs.filter((l) => l.includes('LLM order slots refused')).join('\n');
    for (const what of ['phone 0770998877', 'address Boulevard Inventé 9']) expect(refusedLater).toContain(what);
    expect(after.cart).toEqual([{ sku: 'DZ-DR-001', variant: 'L', quantity: 1 }]);
    expect(await stack.orders()).toHaveLength(0);
  });

  it('does not start a new order from an old one the model re-reads in the history', async () => {
    const c = await stack.customer();
    server.script(
      completion({
        ...llmJson({ reply: 'Merci à vous, bonne journée !', intent: 'thanks', citations: [], skus: [] }),
        order: { items: [{ sku: 'DZ-DR-001', quantity: 1, variant: 'M' }] },
      }),
    );
    const thanks = await c.say('merci beaucoup, bonne journée');
    expect(thanks.decision.reply).toBe('Merci à vous, bonne journée !');
    expect(stack.memory(c.conversationId)).toMatchObject({ cart: [], stage: 'browsing' });
  });
});

describe('LLM-answered turns and the offline memory', () => {
  it('a model that claims to have confirmed an order places nothing: orders come from the order flow alone', async () => {
    const c = await stack.customer();
    server.script(
      completion({
        ...llmJson({
          reply: 'Bonjour ! Le sac noir en cuir est à 4500 DA.',
          intent: 'price_question',
          orderAction: 'confirm',
          orderItems: [{ sku: 'DZ-BG-001', quantity: 1, variant: null }],
          citations: [],
          skus: ['DZ-BG-001'],
        }),
        order: null,
      }),
    );
    const answer = await c.say('bonjour le sac noir en cuir il fait combien');
    expect(answer.decision.reply).toContain('4500');
    expect(answer.decision).toMatchObject({ orderAction: 'none', orderItems: [] });
    expect(await stack.orders()).toHaveLength(0);
  });

  /** The model answers a price objection without offering any discount (the offline plan had one). */
  const satinReplyWithoutDiscount = () =>
    completion(
      llmJson({
        reply: 'La Robe de soirée rouge est à 6500 DA, en satin, parfaite pour les fêtes.',
        intent: 'objection_price',
        citations: [],
        skus: ['DZ-DR-001'],
      }),
    );

  it('a discount the offline brain planned but the LLM did not offer is not remembered as offered', async () => {
    const c = await stack.customer();
    server.script(satinReplyWithoutDiscount());
    const answer = await c.say('la robe de soirée rouge est trop chère, dernier prix ?');
    expect(answer.decision.reply).toContain('satin');
    expect(stack.memory(c.conversationId)).toMatchObject({ discountOffered: null, lastSkus: ['DZ-DR-001'] });
  });

  it('planted bug: committing the offline plan under an LLM reply remembers a discount never offered', async () => {
    await stack.close();
    stack = await makeOrderStack({ llmBaseUrl: server.baseUrl, wrapOffline: commitsEvenWhenReplaced });
    const c = await stack.customer();
    server.script(satinReplyWithoutDiscount());
    await c.say('la robe de soirée rouge est trop chère, dernier prix ?');
    expect((stack.memory(c.conversationId) as { discountOffered: number | null }).discountOffered).not.toBeNull();
  });

  it('a question the LLM answers during the confirmation leaves the summary standing; yes then places it', async () => {
    const c = await stack.customer();
    for (const text of ['nheb ncommandi robe de soirée rouge taille M', 'Yacine Benali 0555123456', 'Oran, cité 200 logements bloc 4'])
      await c.say(text);
    expect(stack.memory(c.conversationId)).toMatchObject({ stage: 'confirming' });
    server.script(
      completion(
        llmJson({ reply: 'La livraison à Oran prend 2 à 3 jours, pour 600 DA.', intent: 'delivery_question', citations: [], skus: [] }),
      ),
    );
    const question = await c.say('w la livraison ch7al men jour ?');
    expect(question.decision.reply).toContain('2 à 3 jours');
    const yes = await c.say('oui');
    expect(yes.decision.orderAction).toBe('confirm');
    const orders = await stack.orders();
    expect(orders).toHaveLength(1);
    // The summary the "yes" answers is the one two messages up: the checker looks one message up.
    expect(
      orderProblems(
        c.exchanges.filter((e) => e !== question),
        orders,
      ),
    ).toEqual([]);
  });
});
