import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogFile } from '../cli/import-catalog';
import { EventBus } from '../events';
import { type Store, openDatabase } from '../database';
import { makeSettingsRepo } from '../settings/settings-repo';
import { makeShopsRepo } from '../shops/shops-repo';
import { cachedSettings, makeCoreShopBrain } from './index';
import type { Brain } from './types';
import { makeCoreServices } from '../services';

/**
 * Store facts are read once per shop (settings, the shop row): a change the seller makes must reach
 * the very next turn. These go through the brain core wires, with the event core emits on each change.
 */
let store: Store;
let brain: Brain;
const bus = new EventBus();
let conversation = 0;

async function firstReply(text: string): Promise<string> {
  conversation += 1;
  const contactId = Number(
    store.sqlite.prepare(`INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, ?, 'now')`).run(`+21355000${conversation}`)
      .lastInsertRowid,
  );
  const conversationId = Number(
    store.sqlite.prepare(`INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, ?, 'now')`).run(contactId)
      .lastInsertRowid,
  );
  const decision = await brain.decide({
    shopId: 1,
    conversationId,
    contactId,
    inboundMessageIds: [conversation],
    text,
    history: [],
    now: new Date('2026-03-01T10:00:00Z'),
  });
  return decision.reply;
}

beforeAll(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Boutique Amina', 'DZD', 'now')`).run();
  store.sqlite
    .prepare(`INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 't', 'connected', 'now')`)
    .run();
  importCatalogFile(store.sqlite, 1, path.join(import.meta.dirname, '../../../tests/fixtures/catalog-dz-fashion.csv'));
  const settings = makeSettingsRepo(store.db);
  brain = makeCoreShopBrain({
    ...makeCoreServices(store),
    db: store.db,
    sqlite: store.sqlite,
    settingsOf: cachedSettings(settings, bus),
    shops: makeShopsRepo(store.db),
    secrets: { get: async () => null, set: async () => {}, delete: async () => {} },
    bus,
    clock: { now: () => new Date('2026-03-01T10:00:00Z') },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
  });
});
afterAll(async () => {
  await store?.close();
});

describe('store facts once per shop', () => {
  it('a renamed shop introduces itself by its new name on the next turn', async () => {
    expect(await firstReply('Bonjour')).toContain('Boutique Amina');
    const renamed = await makeShopsRepo(store.db).rename(1, 'Maison Lina');
    if (!renamed) throw new Error('no shop 1');
    bus.emit('shops/changed', renamed);
    const reply = await firstReply('Bonjour');
    expect(reply).toContain('Maison Lina');
    expect(reply).not.toContain('Boutique Amina');
  });

  it('a setting the seller changes is used on the next turn', async () => {
    expect(await firstReply('Bonjour')).toMatch(/assistant/i);
    await makeSettingsRepo(store.db).update(1, { bot: { introduceAsAssistant: false } }, 'now');
    bus.emit('settings/changed', { shopId: 1 });
    expect(await firstReply('Bonjour')).not.toMatch(/assistant/i);
  });
});
