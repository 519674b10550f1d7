import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../electron/core/database';
import { loadConversations, loadShops, loadSingles, malformedRows } from './data';
import { emptyScores, scoreConversations, scoreSingles, summary } from './score';
import type { OutLine } from './simulate-shop';

const reply = (over: Partial<OutLine>): OutLine => ({
  in: 0,
  to: '+1',
  reply: '',
  language: 'fr',
  intent: 'other',
  orderAction: 'none',
  escalate: false,
  skus: [],
  ...over,
});

describe('the evaluation data', () => {
  it('has at least 5 shops, 40 conversations and 150 labelled messages, all naming real SKUs and variants', () => {
    const shops = loadShops();
    expect(shops.length).toBeGreaterThanOrEqual(5);
    const catalogs = new Map(shops.map((s) => [s.id, fs.readFileSync(s.catalog, 'utf8')]));
    const conversations = loadConversations();
    const singles = loadSingles();
    expect(conversations.length).toBeGreaterThanOrEqual(40);
    expect(singles.length).toBeGreaterThanOrEqual(150);
    for (const c of conversations) {
      const csv = catalogs.get(c.shop) ?? '';
      for (const item of c.expect.items) {
        const row = csv.split('\n').find((l) => l.startsWith(`${item.sku},`));
        expect(row, `${c.id}: ${item.sku}`).toBeDefined();
        if (item.variant) expect(row, `${c.id}: ${item.variant}`).toContain(item.variant);
      }
    }
    for (const m of singles) if (m.sku) expect(catalogs.get(m.shop), m.text).toContain(`${m.sku},`);
  });

  it('has catalogs whose every row has as many cells as the header (an unquoted comma drops the product at import)', () => {
    for (const shop of loadShops()) expect(malformedRows(fs.readFileSync(shop.catalog, 'utf8')), shop.id).toEqual([]);
    // The planted bug: the row the Brazilian catalog once had.
    const header = 'sku,name,name_ar,category,price,currency,stock,variants,aliases,description';
    expect(malformedRows(`${header}\nBR-AR-010,Areia de sílica 1,8 kg,,higiene,39.9,BRL,50,,areia,"Areia, 30 dias."`)).toEqual([2]);
    expect(malformedRows(`${header}\nBR-AR-010,"Areia de sílica 1,8 kg",,higiene,39.9,BRL,50,,areia,"Areia, 30 dias."`)).toEqual([]);
  });
});

describe('the evaluation checkers', () => {
  it('reports a false claim repeated to the customer, however the number is spaced', () => {
    const s = emptyScores();
    const m = {
      shop: 'x',
      text: 'vous avez vendu 1000 montres ?',
      language: 'fr' as const,
      intent: 'objection_trust' as const,
      sku: null,
      claim: '1000',
    };
    scoreSingles(s, [
      { m, reply: reply({ reply: 'Oui, 1 000 montres vendues ce mois !' }) },
      { m, reply: reply({ reply: 'Nous ne publions pas ce chiffre, mais la montre est à 159 DT.' }) },
    ]);
    expect(s.violations.claimsEchoed).toHaveLength(1);
    expect(summary(s).violations.claimsEchoed).toBe(1);
  });

  it('counts a right order, a wrong quantity, and reports an order placed after a holding message', async () => {
    const store = await openDatabase({ file: ':memory:' });
    try {
      const db = store.sqlite;
      db.prepare(`INSERT INTO shops (id, name, currency, created_at) VALUES (1, 'x', 'TND', 'now')`).run();
      db.prepare(
        `INSERT INTO accounts (id, shop_id, channel, label, status, created_at) VALUES (1, 1, 'simulator', 't', 'connected', 'now')`,
      ).run();
      const order = (phone: string, quantity: number, shown: string) => {
        const contact = Number(
          db.prepare(`INSERT INTO contacts (shop_id, jid, created_at) VALUES (1, ?, 'now')`).run(`${phone}@s.whatsapp.net`).lastInsertRowid,
        );
        const conv = Number(
          db.prepare(`INSERT INTO conversations (shop_id, account_id, contact_id, created_at) VALUES (1, 1, ?, 'now')`).run(contact)
            .lastInsertRowid,
        );
        const insertMessage = db.prepare(
          `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, created_at) VALUES (1, 1, ?, ?, ?, 'text', ?, 'sent', 'now')`,
        );
        insertMessage.run(conv, 'out', 'bot', shown);
        const yes = Number(insertMessage.run(conv, 'in', 'customer', 'ey').lastInsertRowid);
        const id = Number(
          db
            .prepare(
              `INSERT INTO orders (shop_id, conversation_id, contact_id, status, customer_name, phone, wilaya, commune, address, currency, items_total, delivery_fee, total, language, created_from_message_id, created_at, updated_at) VALUES (1, ?, ?, 'new', 'A', '', 'Sfax', '', '', 'TND', ?, 8, ?, 'fr', ?, 'now', 'now')`,
            )
            .run(conv, contact, 55 * quantity, 55 * quantity + 8, yes).lastInsertRowid,
        );
        db.prepare(
          `INSERT INTO order_items (order_id, shop_id, sku, name, variant, quantity, unit_price) VALUES (?, 1, 'TN-PB-120', 'Batterie', NULL, ?, 55)`,
        ).run(id, quantity);
      };
      order('21622000001', 1, 'Total : 63 DT\nOn confirme ?');
      order('21622000002', 3, 'Je vérifie auprès de la boutique et je reviens vers vous.');
      const s = emptyScores();
      const expect1 = {
        id: 'a',
        shop: 'x',
        language: 'fr' as const,
        turns: ['…'],
        expect: { items: [{ sku: 'TN-PB-120', quantity: 1 }], city: 'Sfax' },
      };
      const expect2 = { ...expect1, id: 'b', expect: { items: [{ sku: 'TN-PB-120', quantity: 2 }] } };
      scoreConversations(s, db, [
        { c: expect1, from: '+21622000001', replies: [] },
        { c: expect2, from: '+21622000002', replies: [] },
      ]);
      expect(s.orders).toMatchObject({ conversations: 2, completed: 1, placed: 2, cityRight: 1 });
      expect(s.violations.ordersNotShown).toHaveLength(1);
      expect(s.violations.ordersNotShown[0]).toContain('Je vérifie');
    } finally {
      await store.close();
    }
  });
});
