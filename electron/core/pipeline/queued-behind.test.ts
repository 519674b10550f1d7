import { afterEach, describe, expect, it } from 'vitest';
import type { Shop } from '../../../shared/domain/schemas';
import type { Core } from '../create-core';
import { call, makeTempCore } from '../test-utils/temp-core';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/**
 * Three seller messages queued in one conversation before the dispatcher looks (their marks
 * coalesce into one): the dispatcher checks the conversation again only while a row is queued
 * behind the one it sent, so every one of them must still go. Returns how many were sent.
 */
async function sentOfThreeQueued(plant?: (core: Core) => void): Promise<number> {
  const temp = await makeTempCore();
  cleanup = temp.cleanup;
  const { core } = temp;
  const shop = await call<Shop>(core, 'shops/create', { name: 'Boutique', currency: 'DZD' });
  const accountId = core.ctx.testPhone.accountFor(shop.id);
  const { pipeline } = core.ctx;
  await pipeline.sink.accept({
    accountId,
    channelMessageId: 'Q-0',
    from: '213550000001@s.whatsapp.net',
    kind: 'text',
    text: 'salam',
    at: new Date().toISOString(),
  });
  await pipeline.drain();
  const conversation = core.ctx.store.sqlite.prepare('SELECT id, account_id FROM conversations').get() as {
    id: number;
    account_id: number;
  };
  plant?.(core);
  const now = new Date().toISOString();
  for (let i = 0; i < 3; i++) {
    pipeline.store.enqueueSellerMessage(
      {
        shopId: shop.id,
        accountId: conversation.account_id,
        conversationId: conversation.id,
        toJid: '213550000001@s.whatsapp.net',
        author: 'seller',
        text: `seller message ${i}`,
        meta: null,
        channelMessageId: `SELLER-${i}`,
        draft: false,
      },
      now,
    );
    pipeline.markOutbound(conversation.id);
  }
  await pipeline.drain();
  const { n } = core.ctx.store.sqlite.prepare("SELECT count(*) AS n FROM messages WHERE author = 'seller' AND status = 'sent'").get() as {
    n: number;
  };
  return n;
}

describe('dispatcher: rows queued behind the one sent', () => {
  it('all go, oldest first, without a read per conversation after its last row', async () => {
    expect(await sentOfThreeQueued()).toBe(3);
  });

  it('a store that hides the rows behind strands them (planted bug)', async () => {
    const sent = await sentOfThreeQueued((core) => {
      const store = core.ctx.pipeline.store;
      const read = store.firstQueued.bind(store);
      store.firstQueued = (id) => {
        const row = read(id);
        return row && { ...row, queuedBehind: 0 };
      };
    });
    expect(sent).toBe(1);
  });
});
