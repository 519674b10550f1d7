import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Core, createCore } from '../create-core';
import { seedConversations } from './seed-conversations';

describe('seedConversations', () => {
  let core: Core | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await core?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes conversations the inbox lists newest first, fast', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-seed-'));
    core = await createCore({ dataDir: dir });
    const shop = await core.ctx.repos.shops.create({ name: 'Seeded', currency: 'DZD', now: new Date().toISOString() });
    const seeded = seedConversations(core.ctx.store, { shopId: shop.id, count: 2000 });
    expect(seeded.conversationIds).toHaveLength(2000);
    expect(seeded.ms).toBeLessThan(5000);

    const page = await core.ctx.repos.conversations.list({ shopId: shop.id, offset: 0, limit: 3 });
    expect(page.total).toBe(2000);
    expect(page.items[0]?.id).toBe(seeded.conversationIds.at(-1));
    const last = await core.ctx.repos.conversations.list({ shopId: shop.id, offset: 1999, limit: 5 });
    expect(last.items.map((c) => c.id)).toEqual([seeded.conversationIds[0]]);
    expect(last.items[0]?.contactName).toMatch(/00000$/);
    const thread = await core.ctx.repos.conversations.messages(shop.id, seeded.conversationIds[0] ?? 0, 10);
    expect(thread).toHaveLength(1);
    expect(thread[0]).toMatchObject({ direction: 'in', author: 'customer', status: 'received' });
  });
});
