import { afterEach, describe, expect, it } from 'vitest';
import type { Message, Shop } from '../../../shared/domain/schemas';
import { call, makeTempCore } from '../test-utils/temp-core';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const PHONE = '+213550000007';
const inbound = (accountId: number, id: string, text: string) => ({
  accountId,
  channelMessageId: id,
  from: '213550000007@s.whatsapp.net',
  kind: 'text' as const,
  text,
  at: new Date().toISOString(),
});

async function setup() {
  const temp = await makeTempCore();
  cleanup = temp.cleanup;
  const shop = await call<Shop>(temp.core, 'shops/create', { name: 'Boutique', currency: 'DZD' });
  const accountId = temp.core.ctx.testPhone.accountFor(shop.id);
  /** The customer's own bubbles on the test phone, with their ticks. */
  const ticks = () =>
    Object.fromEntries(
      temp.core.ctx.testPhone
        .thread(shop.id, PHONE)
        .filter((m) => m.direction === 'out')
        .map((m) => [m.id, m.status]),
    );
  return { ...temp, shop, accountId, ticks };
}

/** DESIGN, the message lifecycle: read receipts are the dispatcher's concern; they go as the answer goes. */
describe('read receipts', () => {
  it('marks the messages a reply answers read, and only those', async () => {
    const { core, accountId, ticks } = await setup();
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'R-1', 'salam'));
    await core.ctx.pipeline.drain();
    expect(ticks()).toEqual({ 'R-1': 'read' });
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'R-2', 'la robe rouge ?'));
    await core.ctx.pipeline.drain();
    expect(ticks()).toEqual({ 'R-1': 'read', 'R-2': 'read' });
  });

  it('leaves a message unread while its answer waits for the seller, and marks it read when the seller sends it', async () => {
    const { core, shop, accountId, ticks } = await setup();
    await call(core, 'settings/update', { shopId: shop.id, patch: { bot: { approvalMode: true } } });
    await core.ctx.pipeline.sink.accept(inbound(accountId, 'A-1', 'price?'));
    await core.ctx.pipeline.drain();
    expect(ticks()).toEqual({ 'A-1': 'sent' });
    const draft = core.ctx.store.sqlite.prepare("SELECT id FROM messages WHERE status = 'draft'").get() as { id: number };
    await call<Message>(core, 'drafts/approve', { shopId: shop.id, messageId: draft.id, text: 'It is 6500 DA.' });
    await core.ctx.pipeline.drain();
    expect(ticks()).toEqual({ 'A-1': 'read' });
  });
});
