import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../create-core';
import { StoreDamagedError } from './open-database';
import { recoverDatabase } from './recover-database';

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
