import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../test-utils/learning-harness';
import { makeLearningHarness } from '../test-utils/learning-harness';
import { extractPairs } from './extract';
import type { CallOutput } from '../../../../shared/contract';
import { call } from '../../test-utils/temp-core';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const conversationOf = (harness: Harness, phone: string) =>
  harness.core.ctx.store.sqlite
    .prepare<[string], { id: number }>('SELECT c.id FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE k.jid = ?')
    .get(`${phone.replace(/\D/g, '')}@s.whatsapp.net`)!.id;

/** A customer asks something the bot cannot answer, the seller answers from the inbox, hands back, the customer orders. */
async function sale(t: Harness, phone: string, question: string, sellerAnswer: string, details: string): Promise<void> {
  await t.say(phone, question);
  const conversationId = conversationOf(t, phone);
  const reply = await t.core.app.dispatch('conversations/reply', { shopId: t.shopId, conversationId, text: sellerAnswer });
  expect(reply.ok).toBe(true);
  await t.core.app.dispatch('conversations/set-takeover', { shopId: t.shopId, conversationId, takeover: false });
  await t.core.app.dispatch('conversations/set-status', { shopId: t.shopId, conversationId, status: 'open' });
  await t.say(phone, 'nheb ncommandi sac noir');
  await t.say(phone, details);
  await t.say(phone, 'ih sa7a');
}

describe('knowledge learned from sales', () => {
  it('extracts the seller’s answer to a question that preceded a sale, and an objection with its resolution', () => {
    const pairs = extractPairs([
      { direction: 'in', author: 'customer', text: 'Vous faites des emballages cadeaux ?', meta: null },
      { direction: 'out', author: 'bot', text: 'Je vérifie avec la boutique.', meta: JSON.stringify({ escalate: true }) },
      { direction: 'out', author: 'seller', text: 'Oui, emballage cadeau offert sur demande.', meta: null },
      { direction: 'in', author: 'customer', text: 'c’est trop cher', meta: null },
      { direction: 'out', author: 'bot', text: 'Le cuir est véritable et la livraison se paie à la réception.', meta: null },
      { direction: 'in', author: 'customer', text: 'merci', meta: null },
      { direction: 'out', author: 'bot', text: 'Avec plaisir', meta: null },
    ]);
    expect(pairs).toEqual([
      expect.objectContaining({
        kind: 'qa',
        question: 'Vous faites des emballages cadeaux ?',
        answer: 'Oui, emballage cadeau offert sur demande.',
        confidence: 0.8,
      }),
      expect.objectContaining({
        kind: 'objection',
        category: 'price_objection',
        answer: 'Le cuir est véritable et la livraison se paie à la réception.',
      }),
    ]);
  });

  it('learns from ordered conversations once, merges near-duplicates, and only an approved entry answers the next customer', async () => {
    h = await makeLearningHarness();
    const t = h;
    await sale(
      t,
      '+213550000021',
      'Vous faites des emballages cadeaux pour les fêtes ?',
      'Oui, l’emballage cadeau est offert, dites-le dans la commande.',
      'Amina Saidi, 0551112233, alger, cite 5 juillet bt 3',
    );
    await sale(
      t,
      '+213550000022',
      'est ce que vous faites l’emballage cadeau ?',
      'Oui emballage cadeau gratuit 🎁',
      'Yacine Bouzid, 0662223344, oran, rue larbi ben mhidi 12',
    );
    // A conversation without an order teaches nothing.
    await t.say('+213550000023', 'Vous acceptez le paiement par carte Edahabia ?');
    expect(t.core.ctx.store.sqlite.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 2 });

    const first = await t.core.app.dispatch('learning/learn-now', { shopId: t.shopId });
    expect(first).toMatchObject({ ok: true, value: { analysed: 2, learned: 1, merged: 1 } });
    const again = await t.core.app.dispatch('learning/learn-now', { shopId: t.shopId });
    expect(again).toMatchObject({ ok: true, value: { analysed: 0, learned: 0 } });

    const overview = await call<CallOutput<'learning/get-overview'>>(t.core, 'learning/get-overview', { shopId: t.shopId });
    expect(overview.week).toEqual({ answers: 1, sales: 2 });
    const [entry] = overview.entries;
    expect(overview.entries).toHaveLength(1);
    expect(entry).toMatchObject({ status: 'pending', kind: 'qa', support: 2, conversationId: conversationOf(t, '+213550000021') });
    expect(entry!.answer).toMatch(/emballage cadeau/);

    // Pending: the next customer asking gets no learned answer.
    await t.say('+213550000024', 'vous faites emballage cadeau ?');
    const lastReply = () =>
      t.core.ctx.store.sqlite
        .prepare<[], { text: string; meta: string }>("SELECT text, meta FROM messages WHERE direction = 'out' ORDER BY id DESC LIMIT 1")
        .get()!;
    expect(lastReply().text).not.toBe(entry!.answer);

    const approved = await t.core.app.dispatch('knowledge/set-status', { shopId: t.shopId, id: entry!.knowledgeId, status: 'active' });
    expect(approved.ok).toBe(true);
    await t.say('+213550000025', 'svp vous faites l’emballage cadeau ?');
    expect(lastReply().text).toBe(entry!.answer);
    expect(JSON.parse(lastReply().meta)).toMatchObject({
      escalate: false,
      citations: expect.arrayContaining([`knowledge:${entry!.knowledgeId}`]),
    });
  });

  it('does not list a question twice when the shop already knows it', async () => {
    h = await makeLearningHarness();
    const t = h;
    await t.core.app.dispatch('knowledge/save', {
      shopId: t.shopId,
      question: 'Faites-vous des emballages cadeaux ?',
      answer: 'Oui, gratuitement.',
    });
    await sale(
      t,
      '+213550000031',
      'vous faites des emballages cadeaux ?',
      'Oui bien sûr',
      'Nadia Belkacem, 0553334455, blida, rue des roses 4',
    );
    const result = await t.core.app.dispatch('learning/learn-now', { shopId: t.shopId });
    expect(result).toMatchObject({ ok: true, value: { analysed: 1, learned: 0, merged: 1 } });
  });
});
