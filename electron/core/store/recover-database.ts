import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { lockDataDir } from '../host/data-dir-lock';
import { ensurePrivateFile } from '../host/private-files';
import { openDatabase, quickCheck } from './open-database';

export interface RecoveryResult {
  /** Where the damaged file was kept. */
  damagedCopy: string;
  /** 'copy': SQLite copied the whole file; 'tables': row by table, what could be read. */
  method: 'copy' | 'tables';
  /** Tables whose rows could not all be read (only for 'tables'). */
  incomplete: string[];
}

/** Tables the migrations rebuild themselves: full-text shadows and bookkeeping. */
const SKIP = /^(sqlite_|kysely_migration|.*_(tri|words|fts)(_.*)?$)/;

/**
 * `souqbot recover`: saves what can be read of a damaged database into a new one and keeps the
 * damaged file beside it (souqbot.sqlite.damaged-<time>). First SQLite's own whole-file copy
 * (VACUUM INTO); if the damage stops that, a fresh database takes every table's readable rows.
 * Runs only while no core holds the folder.
 */
export async function recoverDatabase(dataDir: string, file: string, now = new Date()): Promise<RecoveryResult> {
  const lock = lockDataDir(dataDir);
  try {
    const damagedCopy = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    fs.renameSync(file, damagedCopy);
    if (fs.existsSync(`${file}-wal`)) fs.renameSync(`${file}-wal`, `${damagedCopy}-wal`);
    fs.rmSync(`${file}-shm`, { force: true });
    const fresh = `${file}.recovering`;
    fs.rmSync(fresh, { force: true });
    const old = new SQLite(damagedCopy, { fileMustExist: true });
    try {
      try {
        old.prepare('VACUUM INTO ?').run(fresh);
        const check = new SQLite(fresh);
        const problems = quickCheck(check);
        check.close();
        if (problems.length === 0) {
          fs.renameSync(fresh, file);
          ensurePrivateFile(file);
          return { damagedCopy, method: 'copy', incomplete: [] };
        }
      } catch {
        // fall through to the table-by-table copy
      }
      fs.rmSync(fresh, { force: true });
      const incomplete = await copyTables(old, fresh);
      fs.renameSync(fresh, file);
      return { damagedCopy, method: 'tables', incomplete };
    } finally {
      old.close();
    }
  } finally {
    lock.release();
  }
}

async function copyTables(old: SQLite.Database, fresh: string): Promise<string[]> {
  ensurePrivateFile(fresh);
  const store = await openDatabase({ file: fresh });
  const db = store.sqlite;
  const incomplete: string[] = [];
  try {
    db.pragma('foreign_keys = OFF');
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name)
      .filter((n) => !SKIP.test(n));
    for (const table of tables) {
      const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      let rows: Record<string, unknown>[];
      try {
        rows = old.prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}"`).all() as Record<string, unknown>[];
      } catch {
        incomplete.push(table);
        continue;
      }
      const insert = db.prepare(
        `INSERT OR REPLACE INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      db.transaction(() => {
        for (const row of rows) insert.run(row);
      })();
    }
    // The message search index is rebuilt from the copied messages by its own catch-up.
    db.prepare("UPDATE search_index_state SET last_id = 0 WHERE name = 'messages'").run();
  } finally {
    await store.close();
  }
  return incomplete;
}
