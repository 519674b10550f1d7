import { afterEach, describe, expect, it } from 'vitest';
import type { CustomerProfile } from '../../../../shared/domain/learning';
import { call } from '../../test-utils/temp-core';
import { type Harness, makeLearningHarness } from '../test-utils/learning-harness';

const KARIM = '+213550000001';
const HOUR = 3_600_000;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const lastReply = (t: Harness) =>
  t.core.ctx.store.sqlite.prepare<[], { text: string }>("SELECT text FROM messages WHERE direction = 'out' ORDER BY id DESC LIMIT 1").get()!
    .text;
const orders = (t: Harness) =>
  t.core.ctx.store.sqlite
    .prepare<[], { customer_name: string; phone: string; wilaya: string; address: string; sku: string; quantity: number }>(
      'SELECT o.customer_name, o.phone, o.wilaya, o.address, i.sku, i.quantity FROM orders o JOIN order_items i ON i.order_id = o.id ORDER BY o.id',
    )
    .all();
const contactId = (t: Harness) =>
  t.core.ctx.store.sqlite.prepare<[], { id: number }>('SELECT id FROM contacts ORDER BY id LIMIT 1').get()!.id;

async function firstOrder(t: Harness): Promise<void> {
  await t.say(KARIM, 'salam, nheb ncommandi 2 sac noir');
  await t.say(KARIM, 'smiti Karim Benali, 0551234567, wahran, hay el badr rue 5');
  await t.say(KARIM, 'ih sa7a');
  expect(orders(t)).toHaveLength(1);
}

describe('customer memory: a returning customer', () => {
  it('is greeted by name with the last order offered again; yes reuses the stored address for the second order', async () => {
    h = await makeLearningHarness();
    const t = h;
    await firstOrder(t);
    const profile = await call<CustomerProfile>(t.core, 'profiles/get', { shopId: t.shopId, contactId: contactId(t) });
    expect(profile).toMatchObject({ name: 'Karim Benali', phone: '0551234567', orders: 1 });

    // The chat's own memory is gone (a new number, a reset): the profile alone must carry the details.
    t.core.ctx.store.sqlite.prepare('DELETE FROM brain_state').run();
    await t.advance(3 * 24 * HOUR);
    await t.say(KARIM, 'salam');
    expect(lastReply(t)).toMatch(/Marhba bik Karim Benali/);
    expect(lastReply(t)).toMatch(/2 × Sac à main cuir noir/);
    await t.say(KARIM, 'ih');
    // The summary with the stored details, not a question for them.
    expect(lastReply(t)).toMatch(/0551234567/);
    expect(lastReply(t)).toMatch(/hay el badr/i);
    await t.say(KARIM, 'ih sa7a');
    const [first, second] = orders(t);
    expect(second).toEqual({ ...first });
  });

  it('at checkout offers the stored details instead of asking, and the customer can change them', async () => {
    h = await makeLearningHarness();
    const t = h;
    await firstOrder(t);
    await t.advance(2 * 24 * HOUR);
    await t.say(KARIM, 'nheb ncommandi robe kabyle taille M');
    expect(lastReply(t)).toMatch(/0551234567/);
    await t.say(KARIM, 'la, l3onwan jdid: cite 200 logements bt 4, wahran');
    await t.say(KARIM, 'ih sa7a');
    const all = orders(t);
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ customer_name: 'Karim Benali', phone: '0551234567' });
    expect(all[1]!.address).toMatch(/200 logements/);
  });

  it('the seller edits the profile from the contract, and the bot uses the edit', async () => {
    h = await makeLearningHarness();
    const t = h;
    await firstOrder(t);
    const edited = await call<CustomerProfile>(t.core, 'profiles/update', {
      shopId: t.shopId,
      contactId: contactId(t),
      patch: { phone: '0770001122' },
    });
    expect(edited.phone).toBe('0770001122');
    await t.advance(2 * 24 * HOUR);
    await t.say(KARIM, 'nheb ncommandi sac noir');
    expect(lastReply(t)).toMatch(/0770001122/);
  });
});
