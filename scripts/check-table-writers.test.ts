import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reported, runChecker, scratchTrees } from './test-utils/scratch-tree';

const script = path.join(import.meta.dirname, 'check-table-writers.mjs');

/** A throwaway electron/core: { 'accounts/repo.ts': '…' }. */
const tree = scratchTrees('souq-writers-', 'electron/core');
const run = (root: string) => runChecker(script, root);

// Each table written by its owner only, plus what the checker must not judge or must let through.
const CLEAN = {
  'accounts/accounts-repo.ts':
    "export const w = (s) => s.prepare('UPDATE accounts SET status = ? WHERE id = ?');\nexport const k = (db) => db.insertInto('accounts').values({});\n",
  'conversations/conversation-writes-repo.ts': `export const u = (s) => s.prepare(\`INSERT INTO conversations (shop_id) VALUES (?)
       ON CONFLICT (account_id, contact_id) DO UPDATE SET unread = unread + 1\`);\n`,
  'conversations/app.ts': "export const t = (db) => db.updateTable('conversations as c').set({ unread: 0 });\n",
  'conversations/erase-contact-repo.ts': "export const e = (s) => s.prepare('DELETE FROM conversations WHERE id = ?');\n",
  'orders/erase-contact-repo.ts': 'export const e = (s) => s.prepare("UPDATE orders SET phone = \'\' WHERE contact_id = ?");\n',
  'system/preferences.ts':
    "export const w = (s) => s.prepare('INSERT INTO app_preferences (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');\n",
  'pipeline/transcript-repo.ts': 'export const t = (s) => s.prepare("UPDATE messages SET text = ? WHERE id = ? AND text = \'\'");\n',
  'pipeline/pipeline-store.ts':
    "// UPDATE conversations is the conversations domain's (a comment quoting SQL is not a write)\nexport const p = (s) => s.prepare('UPDATE outbox SET state = ?');\n",
  'pipeline/pipeline-store.test.ts': "export const t = (s) => s.prepare('UPDATE conversations SET unread = 0');\n",
  'test-utils/seed.ts': "export const t = (s) => s.prepare('INSERT INTO accounts (id) VALUES (1)');\n",
  'store/migrations/0100-x.ts': "export const up = (s) => s.exec('UPDATE conversations SET status = 1; DELETE FROM accounts');\n",
  'catalog/import/staging-repo.ts':
    "export const c = (s, t) => [s.prepare(`INSERT OR REPLACE INTO ${t} (sku) VALUES (?)`), s.prepare('DELETE FROM temp.catalog_import_1')];\n",
};

describe('check-table-writers', { timeout: 60_000 }, () => {
  it('passes a tree where each table is written by its owner (tests, test-utils and migrations aside)', () => {
    const result = run(tree(CLEAN));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('reports a planted second writer of conversations, raw or kysely, and of accounts.status', () => {
    const result = run(
      tree({
        ...CLEAN,
        'inbox/app.ts': "export const r = (db) => db.updateTable('conversations').set({ unread: 0 });\n",
        'pipeline/parked-turns.ts': `export const e = (s) => s.prepare(
    "UPDATE conversations SET status = 'waiting_human' WHERE id = ?");\n`,
        'channels/whatsapp/wa-repo.ts': "export const s = (db) => db.prepare('UPDATE accounts SET status = ? WHERE id = ?');\n",
      }),
    );
    expect(result.status).toBe(1);
    expect(reported(result.stderr).sort()).toEqual([
      'channels/whatsapp/wa-repo.ts:1: writes "accounts", owned by accounts/',
      'inbox/app.ts:1: writes "conversations", owned by conversations/',
      'pipeline/parked-turns.ts:2: writes "conversations", owned by conversations/',
    ]);
  });

  it('reports the second writers it once vouched for: app_preferences, messages, products, search_index_state, the eraser', () => {
    const result = run(
      tree({
        ...CLEAN,
        'desktop/prefs-store.ts':
          "export const d = (s) => s.prepare('INSERT INTO app_preferences (key, value, updated_at) VALUES (?, ?, ?)');\n",
        'sync/config-store.ts': "export const c = (db) => db.insertInto('app_preferences').values({});\n",
        'media/transcribe/transcript-repo.ts': "export const m = (s) => s.prepare('UPDATE messages SET text = ? WHERE id = ?');\n",
        'orders/stock.ts': "export const o = (trx) => trx.updateTable('product_variants').set({ stock: 0 });\n",
        'shops/app.ts': "export const p = (s) => s.prepare('UPDATE products SET currency = ? WHERE shop_id = ?');\n",
        'pipeline/create-pipeline.ts':
          'export const q = (s) => s.prepare("INSERT INTO search_index_state (name, last_id) VALUES (\'~disk-probe\', 0)");\n',
        'contacts/erase-contact.ts': "export const e = (s) => s.prepare('DELETE FROM messages WHERE conversation_id = ?');\n",
      }),
    );
    expect(result.status).toBe(1);
    expect(reported(result.stderr).sort()).toEqual([
      'contacts/erase-contact.ts:1: writes "messages", owned by pipeline/',
      'desktop/prefs-store.ts:1: writes "app_preferences", owned by system/preferences.ts',
      'media/transcribe/transcript-repo.ts:1: writes "messages", owned by pipeline/',
      'orders/stock.ts:1: writes "product_variants", owned by catalog/',
      'pipeline/create-pipeline.ts:1: writes "search_index_state", owned by store/',
      'shops/app.ts:1: writes "products", owned by catalog/',
      'sync/config-store.ts:1: writes "app_preferences", owned by system/preferences.ts',
    ]);
  });

  it('reports contacts written outside contacts/, a table without an owner and a computed table name', () => {
    const result = run(
      tree({
        ...CLEAN,
        'inbox/app.ts': "export const b = (db) => db.deleteFrom('contacts').where('id', '=', 1);\n",
        'orders/new-thing.ts': "export const n = (s) => s.prepare('REPLACE INTO shiny_new_table (a) VALUES (?)');\n",
        'orders/any.ts': 'export const a = (db, t) => [db.insertInto(t), db.prepare(`DELETE FROM ${t}`)];\n',
      }),
    );
    expect(result.status).toBe(1);
    expect(reported(result.stderr).sort()).toEqual([
      'inbox/app.ts:1: writes "contacts", owned by contacts/',
      'orders/any.ts:1: writes a table under a computed name',
      'orders/new-thing.ts:1: writes "shiny_new_table", which has no owner in scripts/boundaries/table-owners.mjs',
    ]);
  });

  it('passes on the real tree', () => {
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
