import fs from 'node:fs';
import SQLite from 'better-sqlite3';
import { ensurePrivateFile } from '../host';
import { lockDataDir } from './data-dir-lock';
import { openStore, quickCheck } from './open-database';

export interface RecoveryResult {
  /** Where the damaged file was kept. */
  damagedCopy: string;
  /** 'copy': SQLite copied the whole file; 'tables': row by table, what could be read. */
  method: 'copy' | 'tables';
  /** Tables whose rows could not all be read (only for 'tables'). */
  incomplete: string[];
  /** Per table with damage: rows saved, and at most how many could not be read (from the rowids skipped). */
  damage: TableDamage[];
}

export interface TableDamage {
  table: string;
  saved: number;
  /** An upper bound: rowids skipped over the damaged pages (deleted rows leave gaps too); null when unknown. */
  lostAtMost: number | null;
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
          return { damagedCopy, method: 'copy', incomplete: [], damage: [] };
        }
      } catch {
        // fall through to the table-by-table copy
      }
      fs.rmSync(fresh, { force: true });
      const damage = await copyTables(old, fresh);
      fs.renameSync(fresh, file);
      return { damagedCopy, method: 'tables', incomplete: damage.map((d) => d.table), damage };
    } finally {
      old.close();
    }
  } finally {
    lock.release();
  }
}

type Row = Record<string, unknown>;

/**
 * Reads every row of a table that can still be read. A damaged page breaks a plain SELECT at the
 * first row it holds, which would lose the whole table; walking by rowid instead lets the copy
 * jump over the damage: after a failure, the smallest later rowid whose b-tree path reads is found
 * (doubling, then bisecting) and the walk goes on from there.
 */
function readTable(old: SQLite.Database, table: string, columns: string[]): { rows: Row[]; damage: TableDamage | null } {
  const list = columns.map((c) => `"${c}"`).join(', ');
  let walk: SQLite.Statement<[number], Row>;
  let seek: SQLite.Statement<[number], { r: number }>;
  try {
    walk = old.prepare(`SELECT rowid AS "~rowid", ${list} FROM "${table}" WHERE rowid > ? ORDER BY rowid`);
    seek = old.prepare(`SELECT rowid AS r FROM "${table}" WHERE rowid >= ? ORDER BY rowid LIMIT 1`);
  } catch {
    // WITHOUT ROWID (none today) or a damaged schema entry: all or nothing.
    try {
      return { rows: old.prepare(`SELECT ${list} FROM "${table}"`).all() as Row[], damage: null };
    } catch {
      return { rows: [], damage: { table, saved: 0, lostAtMost: null } };
    }
  }
  const rows: Row[] = [];
  const readsFrom = (rowid: number): { r: number } | undefined | 'damaged' => {
    try {
      return seek.get(rowid);
    } catch {
      return 'damaged';
    }
  };
  // Inclusive bounds only: `rowid > K` where K is the divider key of a damaged child descends
  // into that child, `rowid >= K + 1` does not.
  let from = Number.MIN_SAFE_INTEGER;
  let last: number | null = null;
  let lost = 0;
  let damaged = false;
  /** The last good rowid before damage: the next row read tells how many rowids were skipped. */
  let gapAfter: number | null = null;
  for (;;) {
    let progressed = false;
    try {
      for (const row of walk.iterate(from)) {
        last = row['~rowid'] as number;
        if (gapAfter !== null) lost += last - gapAfter - 1;
        gapAfter = null;
        progressed = true;
        delete row['~rowid'];
        rows.push(row);
      }
      break;
    } catch {
      damaged = true;
      gapAfter ??= last ?? from - 1;
      // The first rowid past the last good one whose b-tree path reads: double the jump until
      // one does, then bisect back. A walk that failed at once must move past `from` itself.
      const base = progressed || last === null ? (last ?? from - 1) : Math.max(last, from);
      let bad = 0;
      let good = 1;
      let found = readsFrom(base + good);
      while (found === 'damaged' && good < 2 ** 48) {
        bad = good;
        good *= 2;
        found = readsFrom(base + good);
      }
      if (found === 'damaged') break; // nothing after the damage reads
      while (good - bad > 1) {
        const mid = Math.floor((bad + good) / 2);
        const probe = readsFrom(base + mid);
        if (probe === 'damaged') bad = mid;
        else {
          good = mid;
          found = probe;
        }
      }
      if (!found) break; // the damage was at the end of the table
      from = found.r;
    }
  }
  return { rows, damage: damaged ? { table, saved: rows.length, lostAtMost: lost || null } : null };
}

async function copyTables(old: SQLite.Database, fresh: string): Promise<TableDamage[]> {
  ensurePrivateFile(fresh);
  const store = await openStore({ file: fresh }); // raw copy: no table types needed
  const db = store.sqlite;
  const damage: TableDamage[] = [];
  try {
    db.pragma('foreign_keys = OFF');
    const tables = db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((t) => t.name)
      .filter((n) => !SKIP.test(n));
    for (const table of tables) {
      const columns = (db.pragma(`table_info("${table}")`) as { name: string }[]).map((c) => c.name);
      const read = readTable(old, table, columns);
      if (read.damage) damage.push(read.damage);
      const insert = db.prepare(
        `INSERT OR REPLACE INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`,
      );
      db.transaction(() => {
        for (const row of read.rows) insert.run(row);
      })();
    }
    // The message search index is rebuilt from the copied messages by its own catch-up.
    db.prepare("UPDATE search_index_state SET last_id = 0 WHERE name = 'messages'").run();
  } finally {
    await store.close();
  }
  return damage;
}
