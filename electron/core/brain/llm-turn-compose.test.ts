import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalogFile } from '../cli/import-catalog';
import { EventBus } from '../events';
import { apiKeySecretName } from '../settings/app';
import { type Store, openDatabase } from '../database';
import { makeSettingsRepo } from '../settings/settings-repo';
import { makeShopsRepo } from '../shops/shops-repo';
import { makeCoreShopBrain } from './index';
import type { ChatClient } from './llm/chat-client';
import type { Brain } from './types';
import { makeCoreServices } from '../services';

/**
 * On an LLM turn the offline brain does not write a question's answer up front: when the model
 * answers, its reply goes out; when it fails, the offline reply is written then and goes out whole.
 */
let store: Store;
let brain: Brain;
let failing = false;
let conversation = 0;
const model = (): ChatClient => ({
  async complete() {
    if (failing) throw Object.assign(new Error('bad request'), { status: 400 });
    const reply = {
      reply: 'Avec plaisir, je regarde pour vous.',
      language: 'fr',
      intent: 'other',
      confidence: 0.9,
      citations: [],
      skus: [],
    };
    return { content: JSON.stringify(reply), tokens: 50 };
  },
});

async function turn(text: string) {
  conversation += 1;
  const contactId = Number(
    store.sqlite.prepare(`INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, ?, 'now')`).run(`+21355100${conversation}`)
      .lastInsertRowid,
  );
  const conversationId = Number(
    store.sqlite.prepare(`INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, ?, 'now')`).run(contactId)
      .lastInsertRowid,
  );
  return brain.decide({
    shopId: 1,
    conversationId,
    contactId,
    inboundMessageIds: [conversation],
    text,
    history: [],
    now: new Date('2026-03-01T10:00:00Z'),
  });
}

beforeAll(async () => {
  store = await openDatabase({ file: ':memory:' });
  store.sqlite.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'Boutique Amina', 'DZD', 'now')`).run();
  store.sqlite
    .prepare(`INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 't', 'connected', 'now')`)
    .run();
  importCatalogFile(store.sqlite, 1, path.join(import.meta.dirname, '../../../tests/fixtures/catalog-dz-fashion.csv'));
  const settings = makeSettingsRepo(store.db);
  await settings.update(1, { llm: { baseUrl: 'https://llm.test.invalid/v1', model: 'm' } }, 'now');
  let clock = Date.parse('2026-03-01T10:00:00Z');
  brain = makeCoreShopBrain({
    ...makeCoreServices(store),
    db: store.db,
    sqlite: store.sqlite,
    settingsOf: (shopId) => settings.get(shopId),
    shops: makeShopsRepo(store.db),
    secrets: { get: async (name) => (name === apiKeySecretName(1) ? 'sk-test' : null), set: async () => {}, delete: async () => {} },
    bus: new EventBus(),
    // Each turn a few minutes later: a failed endpoint's cool-down is over by the next turn.
    clock: { now: () => new Date((clock += 120_000)) },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    makeClient: model,
  });
});
afterAll(async () => {
  await store?.close();
});

describe('the offline reply on an LLM turn', () => {
  it('is the LLM reply when the model answers', async () => {
    failing = false;
    const d = await turn('Combien coûte le sac noir ?');
    expect(d.reply).toBe('Avec plaisir, je regarde pour vous.');
  });

  it('is written in full when the model fails', async () => {
    failing = true;
    const d = await turn('Combien coûte le sac noir ?');
    expect(d.reply).not.toBe('');
    expect(d.reply).toMatch(/\d/);
    expect(d.escalate).toBe(false);
    expect(d.intent).toBe('price_question');
  });
});
