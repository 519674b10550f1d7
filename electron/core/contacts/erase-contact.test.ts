import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Shop } from '../../../shared/domain/schemas';
import { CONTACT_DATA } from '../contact-data';
import type { Core } from '../create-core';
import type { WritableSqlite } from '../store';
import { call, makeTempCore } from '../test-utils/temp-core';
import { eraseContact } from './erase-contact';
import { runRetention } from './retention';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const A = { jid: '213770001122@s.whatsapp.net', phone: '213770001122', name: 'Zoubidaqx Benali', address: 'Cite des Orangerqx bloc 12' };
const B = { jid: '213550009988@s.whatsapp.net' };

/** Every occurrence of a marker in the files of a folder (bytes, case-insensitive for ASCII). */
function grep(dir: string, markers: string[]): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const text = fs.readFileSync(file).toString('latin1').toLowerCase();
        for (const m of markers) if (text.includes(m.toLowerCase())) hits.push(`${path.relative(dir, file)}: ${m}`);
      }
    }
  };
  walk(dir);
  return hits;
}

/** Columns that point to a customer, and the tables that keep such a row on purpose after the erasure. */
const POINTERS = ['contact_id', 'conversation_id', 'jid', 'remote_jid'];
const KEPT = { wa_excluded: 'the seller\'s "never answer this number" stays (its name goes)' };

/**
 * Every row of any table (migrations' and FTS shadow tables aside) still pointing to the erased
 * customer: a domain that stores their data and forgot its delete leaves one here.
 */
function leftovers(db: WritableSqlite, who: { contactId: number; conversationIds: number[]; jid: string }): string[] {
  const tables = db
    .prepare<[], { name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' AND sql NOT LIKE 'CREATE VIRTUAL%'",
    )
    .all()
    .map((t) => t.name)
    .filter((t) => !Object.hasOwn(KEPT, t));
  const found: string[] = [];
  for (const table of tables) {
    const columns = db
      .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
      .all()
      .map((c) => c.name);
    if (table === 'contacts' && db.prepare('SELECT 1 FROM contacts WHERE id = ?').get(who.contactId)) found.push('contacts.id');
    if (table === 'conversations') {
      const rows = db.prepare(`SELECT count(*) AS n FROM conversations WHERE id IN (${who.conversationIds.join(',') || 'NULL'})`).get() as {
        n: number;
      };
      if (rows.n > 0) found.push('conversations.id');
    }
    for (const column of columns.filter((c) => POINTERS.includes(c))) {
      const value = column === 'contact_id' ? [who.contactId] : column === 'conversation_id' ? who.conversationIds : [who.jid];
      if (value.length === 0) continue;
      const n = (
        db.prepare(`SELECT count(*) AS n FROM "${table}" WHERE "${column}" IN (${value.map(() => '?').join(',')})`).get(...value) as {
          n: number;
        }
      ).n;
      if (n > 0) found.push(`${table}.${column}`);
    }
  }
  return found;
}

async function seed(core: Core, shopId: number, accountId: number, mediaDir: string) {
  const sink = core.ctx.pipeline.sink;
  const at = () => new Date().toISOString();
  await sink.accept({
    accountId,
    channelMessageId: 'A-1',
    from: A.jid,
    fromName: A.name,
    kind: 'text',
    text: 'Salam, je veux la robe zoubimarker taille M',
    at: at(),
  });
  await sink.accept({
    accountId,
    channelMessageId: 'A-2',
    from: A.jid,
    kind: 'text',
    text: `Livrez a ${A.address}, mon numero ${A.phone}`,
    at: at(),
  });
  fs.mkdirSync(path.join(mediaDir, String(accountId)), { recursive: true });
  const photo = path.join(mediaDir, String(accountId), 'A-3.jpg');
  fs.writeFileSync(photo, 'JPEG zoubimarker-photo');
  await sink.accept({ accountId, channelMessageId: 'A-3', from: A.jid, kind: 'image', text: '', mediaPath: photo, at: at() });
  await sink.accept({
    accountId,
    channelMessageId: 'B-1',
    from: B.jid,
    kind: 'text',
    text: 'Bonjour, le sac noir bmarkerkeep est dispo ?',
    at: at(),
  });
  await core.ctx.pipeline.drain();
  const db = core.ctx.store.sqlite;
  const contactA = (db.prepare('SELECT id FROM contacts WHERE jid = ?').get(A.jid) as { id: number }).id;
  const conv = (db.prepare('SELECT id FROM conversations WHERE contact_id = ?').get(contactA) as { id: number }).id;
  db.prepare(
    `INSERT INTO orders (shop_id, conversation_id, contact_id, customer_name, phone, wilaya, commune, address, currency, items_total, delivery_fee, total, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 'Alger', 'Bab Ezzouar', ?, 'DZD', 6500, 400, 6900, ?, ?)`,
  ).run(shopId, conv, contactA, A.name, A.phone, A.address, at(), at());
  db.prepare(
    "INSERT INTO knowledge (shop_id, question, answer, source, status, created_at, updated_at) VALUES (?, ?, 'Oui, en M.', 'learned', 'pending', ?, ?)",
  ).run(shopId, 'Salam, je veux la robe zoubimarker taille M', at(), at());
  // Per-customer LLM usage names the contact by id only (no foreign key: nothing cascades it away).
  db.prepare("INSERT INTO llm_contact_usage (shop_id, contact_id, day, messages) VALUES (?, ?, '2026-11-30', 3)").run(shopId, contactA);
  // The search index has the messages (a search catches it up).
  await call(core, 'conversations/list', { shopId, query: 'zoubimarker' });
  return contactA;
}

describe('deleting a customer', () => {
  it('leaves nothing of them in the database file or the media folder, keeps order amounts and other customers', async () => {
    const temp = await makeTempCore();
    cleanup = temp.cleanup;
    const { core, dataDir } = temp;
    const shop = await call<Shop>(core, 'shops/create', { name: 'Dar Lalla', currency: 'DZD' });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    const contactA = await seed(core, shop.id, accountId, path.join(dataDir, 'media'));
    const markers = ['zoubimarker', A.phone, 'Zoubidaqx', 'Orangerqx'];
    expect(grep(dataDir, markers).length).toBeGreaterThan(0); // the grep sees them before
    const who = subjectOf(core.ctx.store.sqlite, contactA, A.jid);
    expect(leftovers(core.ctx.store.sqlite, who)).toEqual(
      expect.arrayContaining(['llm_contact_usage.contact_id', 'messages.conversation_id']),
    );

    const erased = await call(core, 'contacts/delete', { shopId: shop.id, contactId: contactA });
    expect(erased).toMatchObject({ messages: expect.any(Number), mediaFiles: 1, ordersAnonymised: 1, learnedEntries: 1 });
    expect(leftovers(core.ctx.store.sqlite, who)).toEqual([]);
    await temp.core.close();
    expect(grep(dataDir, markers)).toEqual([]);
    expect(grep(dataDir, ['bmarkerkeep']).length).toBeGreaterThan(0);

    const again = await makeTempCore({ dataDir });
    cleanup = again.cleanup;
    const order = again.core.ctx.store.sqlite.prepare('SELECT customer_name, phone, address, total, contact_id FROM orders').get();
    expect(order).toEqual({ customer_name: '', phone: '', address: '', total: 6900, contact_id: null });
    const search = await call<{ total: number }>(again.core, 'conversations/list', { shopId: shop.id, query: 'zoubimarker' });
    expect(search.total).toBe(0);
    expect(await again.core.app.dispatch('contacts/delete', { shopId: shop.id, contactId: contactA })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('retention erases customers inactive longer than the seller’s setting, and nobody while it is off', async () => {
    const temp = await makeTempCore();
    cleanup = temp.cleanup;
    const { core, dataDir } = temp;
    const shop = await call<Shop>(core, 'shops/create', { name: 'Loja Sol', currency: 'BRL' });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    await seed(core, shop.id, accountId, path.join(dataDir, 'media'));
    const db = core.ctx.store.sqlite;
    db.prepare(
      "UPDATE conversations SET last_message_at = '2026-01-01T00:00:00.000Z' WHERE contact_id = (SELECT id FROM contacts WHERE jid = ?)",
    ).run(A.jid);
    const deps = {
      sqlite: db,
      domains: CONTACT_DATA,
      mediaDir: path.join(dataDir, 'media'),
      settingsOf: (id: number) => core.ctx.repos.settings.get(id),
      logger: core.ctx.logger,
    };
    const now = new Date();
    expect(await runRetention(deps, now)).toBe(0); // default: off
    await call(core, 'settings/update', { shopId: shop.id, patch: { bot: { retentionDays: 90 } } });
    expect(await runRetention(deps, now)).toBe(1);
    const left = db.prepare('SELECT jid FROM contacts').all();
    expect(left).toEqual([{ jid: B.jid }]);
  });

  it('catches a domain that forgot its delete: its rows are left over', async () => {
    const temp = await makeTempCore();
    cleanup = temp.cleanup;
    const { core, dataDir } = temp;
    const shop = await call<Shop>(core, 'shops/create', { name: 'Dar Lalla', currency: 'DZD' });
    const contactA = await seed(core, shop.id, core.ctx.testPhone.accountFor(shop.id), path.join(dataDir, 'media'));
    const db = core.ctx.store.sqlite;
    const who = subjectOf(db, contactA, A.jid);
    // Planted: the brain's delete (guardrail records, per-customer usage) is missing from the list.
    const { brain: _forgotten, ...domains } = CONTACT_DATA;
    expect(eraseContact({ sqlite: db, domains, mediaDir: path.join(dataDir, 'media') }, shop.id, contactA)).not.toBeNull();
    expect(leftovers(db, who)).toEqual(['llm_contact_usage.contact_id']);
  });
});

/** The customer's conversations, read before the erasure (the leftover check looks for rows naming them). */
function subjectOf(db: WritableSqlite, contactId: number, jid: string) {
  const conversationIds = db
    .prepare<[number], { id: number }>('SELECT id FROM conversations WHERE contact_id = ?')
    .all(contactId)
    .map((c) => c.id);
  return { contactId, conversationIds, jid };
}
