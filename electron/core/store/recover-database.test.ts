import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../create-core';
import { StoreDamagedError } from './open-database';
import { recoverDatabase } from './recover-database';
import { recoveryLines } from '../cli/recover';
import { makeDeterministicBrain } from '../test-utils/deterministic-brain';
import { noPacing, noRateLimits } from '../pipeline/policies';

let dir = '';
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Overwrites one page of the file with noise: the root page of an index, as a bad sector would. */
function damageIndex(file: string, index: string): void {
  const db = new SQLite(file);
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = (db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(index) as { rootpage: number }).rootpage;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

describe('recovering a damaged database', () => {
  it('refuses to start on it, then `recover` keeps the damaged file and the shop starts again with its data', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-recover-'));
    const core = await createCore({ dataDir: dir });
    for (const name of ['Hanout Fès', 'Bazar Oran', 'Loja Lisboa'])
      await core.ctx.repos.shops.create({ name, currency: 'MAD', now: new Date().toISOString() });
    await core.close();
    const file = path.join(dir, 'souqbot.sqlite');
    const index = (
      new SQLite(file, { readonly: true })
        .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' AND sql IS NULL")
        .get() as { name: string }
    ).name;
    damageIndex(file, index);
    await expect(createCore({ dataDir: dir })).rejects.toBeInstanceOf(StoreDamagedError);

    const result = await recoverDatabase(dir, file);
    expect(fs.existsSync(result.damagedCopy)).toBe(true);
    const again = await createCore({ dataDir: dir });
    expect((await again.ctx.repos.shops.list()).map((s) => s.name)).toEqual(['Hanout Fès', 'Bazar Oran', 'Loja Lisboa']);
    await again.close();
  });
});

/** Overwrites one leaf page in the middle of a table with noise, as a bad sector would. */
function damageTablePage(file: string, table: string): void {
  const db = new SQLite(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const leaves = (
    db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").all(table) as {
      pageno: number;
    }[]
  ).map((p) => p.pageno);
  db.close();
  expect(leaves.length).toBeGreaterThan(4);
  const page = leaves[Math.floor(leaves.length / 2)]!;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
  fs.closeSync(fd);
}

describe('recovering a database whose table has a damaged page', () => {
  it('copies table by table, jumps over the damaged page, and tells the seller what was saved and lost', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-recover-'));
    const core = await createCore({ dataDir: dir, brain: makeDeterministicBrain(), rateLimits: noRateLimits, pacing: noPacing });
    const shop = await core.ctx.repos.shops.create({ name: 'Hanout Fès', currency: 'MAD', now: new Date().toISOString() });
    const accountId = core.ctx.testPhone.accountFor(shop.id);
    await core.ctx.pipeline.sink.accept({
      accountId,
      channelMessageId: 'M-0',
      from: '212600000001@s.whatsapp.net',
      kind: 'text',
      text: 'salam',
      at: new Date().toISOString(),
    });
    await core.ctx.pipeline.drain();
    // 600 long messages in that conversation: many leaf pages, so one can go bad in the middle.
    const db = core.ctx.store.sqlite;
    const first = db.prepare("SELECT * FROM messages WHERE direction = 'in'").get() as Record<string, unknown>;
    const insert = db.prepare(
      `INSERT INTO messages (shop_id, account_id, conversation_id, direction, author, kind, text, status, channel_message_id, created_at)
       VALUES (@shop_id, @account_id, @conversation_id, 'in', 'customer', 'text', @text, 'received', @id, @created_at)`,
    );
    db.transaction(() => {
      for (let i = 1; i <= 600; i++) insert.run({ ...first, text: `message ${i} ${'y'.repeat(400)}`, id: `M-${i}` });
    })();
    const total = (db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n;
    const lastId = (db.prepare('SELECT max(id) AS n FROM messages').get() as { n: number }).n;
    await core.close();
    const file = path.join(dir, 'souqbot.sqlite');
    damageTablePage(file, 'messages');
    await expect(createCore({ dataDir: dir })).rejects.toBeInstanceOf(StoreDamagedError);

    const result = await recoverDatabase(dir, file);
    // SQLite's whole-file copy stops at the damaged page, so the table-by-table copy ran.
    expect(result.method).toBe('tables');
    expect(result.incomplete).toEqual(['messages']);
    const [damage] = result.damage;
    const after = new SQLite(file, { readonly: true });
    const saved = after.prepare('SELECT id FROM messages ORDER BY id').all() as { id: number }[];
    const shops = after.prepare('SELECT name FROM shops').all();
    after.close();
    // Rows before and after the damaged page are saved; only that page's rows are missing.
    expect(saved.length).toBe(damage!.saved);
    expect(saved.length).toBeGreaterThan(total * 0.8);
    expect(saved.length).toBeLessThan(total);
    expect(saved.at(-1)!.id).toBe(lastId);
    expect(saved[0]!.id).toBe(1);
    expect(damage!.lostAtMost).toBe(total - saved.length);
    expect(shops).toEqual([{ name: 'Hanout Fès' }]);

    const lines = recoveryLines(result, file);
    expect(lines.join('\n')).toContain(
      `messages: ${saved.length.toLocaleString('en-US')} saved, at most ${damage!.lostAtMost} could not be read`,
    );
    expect(lines.join('\n')).toContain(`The damaged file is kept as ${result.damagedCopy}.`);
    // The shop starts again on the recovered file.
    const again = await createCore({ dataDir: dir });
    expect((await again.ctx.repos.shops.list()).map((s) => s.name)).toEqual(['Hanout Fès']);
    await again.close();
  });
});
