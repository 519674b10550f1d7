import { beforeAll, describe, expect, it } from 'vitest';
import { noPacing, noRateLimits } from '../pipeline/policies';
import { coreForFile } from '../test-utils/file-core';

let shopId: number;

// The shop's real brain (offline, no key) and a running pipeline: what a customer meets.
const suite = coreForFile('souq-knowledge-try-', {
  pacing: noPacing,
  rateLimits: noRateLimits,
  simulator: { fsync: false, receipts: false },
});
const { call } = suite;
beforeAll(async () => {
  shopId = (await call<{ id: number }>('shops/create', { name: 'Épicerie Tlemcen', currency: 'DZD' })).id;
  await call('catalog/commit-import', { shopId, csv: 'sku,name,price,stock\nHUILE-1,Huile d’olive 1 L,900,5\n' });
  await call('knowledge/save', {
    shopId,
    question: 'Vous livrez où ?',
    answer: 'Nous livrons partout en 48 h.',
    keywords: ['livraison', 'tawsil'],
  });
});
type Tried = { reply: string | null; draft: boolean; escalation: string | null; conversationId: number; entries: unknown[] };

/** What the Inbox test phone shows for the same message from another number. */
async function testPhoneReply(from: string, text: string): Promise<{ reply: string; escalation: string | null }> {
  const { conversationId } = await call<{ conversationId: number }>('testphone/send', { shopId, from, text });
  for (let i = 0; i < 200; i++) {
    const row = suite.core.ctx.store.sqlite
      .prepare(`SELECT text FROM messages WHERE conversation_id = ? AND direction = 'out' ORDER BY id DESC LIMIT 1`)
      .get(conversationId) as { text: string } | undefined;
    if (row) {
      const conv = suite.core.ctx.store.sqlite
        .prepare(`SELECT escalation_reason AS reason FROM conversations WHERE id = ?`)
        .get(conversationId) as { reason: string | null };
      return { reply: row.text, escalation: conv.reason };
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the test phone got no reply');
}

describe('knowledge/try: the test panel runs the customer path', () => {
  it('answers what the test phone answers for the same message, escalation included', async () => {
    for (const text of ['wach tawsil l tamanrasset?', 'bghit nhder m3a el patron', 'ch7al zit zitoun?']) {
      const tried = await call<Tried>('knowledge/try', { shopId, question: text });
      const phone = await testPhoneReply(`+21355${Math.floor(Math.random() * 1e7)}`, text);
      expect(tried.reply, text).toBe(phone.reply);
      expect(tried.escalation, text).toBe(phone.escalation);
    }
  });

  it('starts each test fresh, and says when the reply would wait for the seller approval', async () => {
    await call('knowledge/try', { shopId, question: 'ch7al zit zitoun?' });
    const again = await call<Tried>('knowledge/try', { shopId, question: 'ch7al zit zitoun?' });
    const turns = suite.core.ctx.store.sqlite
      .prepare(`SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ? AND direction = 'in'`)
      .get(again.conversationId);
    expect(turns).toEqual({ n: 1 });

    await call('settings/update', { shopId, patch: { bot: { approvalMode: true } } });
    const draft = await call<Tried>('knowledge/try', { shopId, question: 'ch7al zit zitoun?' });
    expect(draft.draft).toBe(true);
    expect(draft.reply?.length).toBeGreaterThan(0);
    await call('settings/update', { shopId, patch: { bot: { approvalMode: false } } });
  });
});
