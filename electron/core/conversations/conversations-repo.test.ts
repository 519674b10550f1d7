import { afterEach, describe, expect, it } from 'vitest';
import type { Shop } from '../../../shared/domain/schemas';
import { call, makeTempCore } from '../test-utils/temp-core';
import { ftsQuery } from './conversations-repo';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('conversations/list search', () => {
  it('finds conversations by any message word or prefix (FTS5), Arabic included, and by number or name', async () => {
    const temp = await makeTempCore();
    cleanup = temp.cleanup;
    const core = temp.core;
    const shop = await call<Shop>(core, 'shops/create', { name: 'S' });
    const phone = core.ctx.testPhone;
    phone.send(shop.id, '+213550000001', 'salam, wach kayen la robe kabyle?');
    phone.send(shop.id, '+213550000001', 'ok merci');
    phone.send(shop.id, '+213550000002', 'بشحال الفستان الأحمر؟');
    phone.send(shop.id, '+213550000003', 'Quanto custa o curso?');
    await core.ctx.pipeline.drain();
    const search = async (query: string) =>
      (await call<{ items: { contactJid: string }[]; total: number }>(core, 'conversations/list', { shopId: shop.id, query })).items.map(
        (c) => c.contactJid.slice(0, 12),
      );
    // "kabyle" is only in an earlier message, not the preview.
    expect(await search('kabyle')).toEqual(['213550000001']);
    expect(await search('kaby')).toEqual(['213550000001']);
    expect(await search('الفستان')).toEqual(['213550000002']);
    expect(await search('CURSO')).toEqual(['213550000003']);
    expect(await search('550000003')).toEqual(['213550000003']);
    expect(await search('robe curso')).toEqual([]);
    // FTS syntax in the box is just text, never an error.
    for (const q of ['"', 'OR', 'robe OR', '*', 'NEAR(', "l'été"]) {
      const envelope = await core.app.dispatch('conversations/list', { shopId: shop.id, query: q });
      expect(envelope.ok).toBe(true);
    }
  });

  it('quotes every word as a prefix term', () => {
    expect(ftsQuery('robe  "rouge" OR*')).toBe('"robe"* "rouge"* "OR"*');
    expect(ftsQuery('  ?! ')).toBeNull();
  });
});
