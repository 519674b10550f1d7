import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, type Migration, type MigrationProvider, Migrator, SqliteDialect } from 'kysely';
import { migrations as knownMigrations } from './migrations';
import {
  type ReadableDB,
  type ReadableSqlite,
  type WritableDB,
  type WritableSqlite,
  asWritable,
  asWritableDb,
  openReadConnection,
  readOnlyView,
  readableKysely,
} from './handles';
import { withStatementCache } from './statement-cache';

/**
 * The open store, generic over its kysely schema: core's full `Database` type is assembled where
 * core is composed (electron/core/database.ts), from each domain's tables, so the store imports no domain.
 */
export interface Store<DB> {
  /** Typed query builder over the one writing connection. */
  readonly db: WritableDB<DB>;
  /** The raw writing handle, for synchronous transactions on hot paths (the pipeline). */
  readonly sqlite: WritableSqlite;
  /**
   * The read-only handle for read models (analytics, exports): a second connection opened readonly
   * with `query_only` for a file; for ':memory:' a view of the writer that prepares only reads.
   */
  readonly read: ReadableSqlite;
  /** The same read-only connection through kysely (selects only). */
  readonly readDb: ReadableDB<DB>;
  /** Name of the newest applied migration. */
  readonly schemaVersion: string;
  /** Copies what it can of the WAL into the database without waiting on readers (PASSIVE). */
  checkpointIdle(): void;
  close(): Promise<void>;
}

export class SchemaTooNewError extends Error {
  constructor(readonly unknown: string[]) {
    super(
      `This data folder was written by a newer Souqbot (schema ${unknown.join(', ')}). ` +
        'Update Souqbot to open it; nothing was changed.',
    );
    this.name = 'SchemaTooNewError';
  }
}

/**
 * The database file failed SQLite's own check at start. Nothing was written to it: starting on a
 * damaged file risks making the damage worse, so the seller is told what to do instead.
 */
export class StoreDamagedError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(
      `Souqbot's database is damaged (${file}: ${problems.slice(0, 3).join('; ')}), so Souqbot did not start, to keep it from getting worse. ` +
        `Your data is still in that file. To recover: keep a copy of the folder, then run \`npm run -s souqbot -- recover --data-dir ${path.dirname(file)}\`, ` +
        'which saves everything readable into a new database and keeps the damaged file beside it.',
    );
    this.name = 'StoreDamagedError';
  }
}

/** SQLite's quick_check (structure, not index contents: fast enough for every start). */
export function quickCheck(sqlite: SQLite.Database): string[] {
  const rows = sqlite.pragma('quick_check(20)') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  return problems;
}

const MIGRATION_TABLE = 'kysely_migration';
/** SQLite's page cache per connection, in KiB (see the pragma below). */
export const PAGE_CACHE_KB = 8_000;

class StaticProvider implements MigrationProvider {
  constructor(private readonly list: Record<string, Migration>) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return this.list;
  }
}

/** Migration names already applied to this file (empty for a new file). */
function appliedMigrations(sqlite: SQLite.Database): string[] {
  const table = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type='table' AND name=?`).get(MIGRATION_TABLE);
  if (!table) return [];
  return (sqlite.prepare(`SELECT name FROM ${MIGRATION_TABLE} ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
}

export interface OpenOptions {
  /** Path of the SQLite file, or ':memory:'. */
  file: string;
  /** Migrations to apply; the app's own list unless a test passes another. */
  migrations?: Record<string, Migration>;
}

/**
 * Opens (creating if needed) and migrates the store. Refuses, without touching the file, one
 * that a newer version migrated further than this build knows.
 */
export async function openStore<DB>({ file, migrations = knownMigrations }: OpenOptions): Promise<Store<DB>> {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  try {
    if (file !== ':memory:') {
      let problems: string[];
      try {
        problems = quickCheck(sqlite);
      } catch (err) {
        // Not a database at all (SQLITE_NOTADB), or unreadable pages (SQLITE_CORRUPT).
        problems = [err instanceof Error ? err.message : String(err)];
      }
      if (problems.length > 0) throw new StoreDamagedError(file, problems);
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Deleted and rewritten rows are zeroed in the file, not left in free space: the outbox deletes each
    // reply's row once sent, and a customer's later erasure must find nothing of them (their number
    // travelled in those rows). Zeroing costs CPU on pages SQLite writes anyway.
    sqlite.pragma('secure_delete = ON');
    // Checkpoint (copy the WAL into the file, with an fsync) every ~16 MB of WAL rather than
    // every 4 MB: on the message hot path the automatic checkpoint was the largest single cost.
    // `checkpointIdle` below does the rest when the app is quiet.
    sqlite.pragma('wal_autocheckpoint = 4000');
    // better-sqlite3 builds SQLite with a 16 MB page cache per connection (DEFAULT_CACHE_SIZE=-16000);
    // it fills as the store grows, so a steady soak's RSS rose for its first quarter hour outside
    // the JS heap. A bounded cache fills within warm-up; the OS file cache serves the rest.
    sqlite.pragma(`cache_size = -${PAGE_CACHE_KB}`);

    const before = appliedMigrations(sqlite);
    const unknown = before.filter((name) => !(name in migrations));
    if (unknown.length > 0) throw new SchemaTooNewError(unknown);
    const done = new Set(before);
    const pending = Object.keys(migrations).some((name) => !done.has(name));

    // Kysely's compiled queries reuse their prepared statements (see statement-cache.ts).
    const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    // Migrations are numbered in ranges per piece of work, so a store can have run 0050 before 0041
    // exists; each one is independent of the others' tables, so a late lower number still runs.
    // An existing folder with every migration applied skips kysely's migrator: it introspects every table and sorts
    // the names with localeCompare before finding nothing to do (~100 ms of each start).
    if (pending) {
      const migrator = new Migrator({
        db,
        provider: new StaticProvider(migrations),
        migrationTableName: MIGRATION_TABLE,
        allowUnorderedMigrations: true,
      });
      const { error } = await migrator.migrateToLatest();
      if (error) {
        await db.destroy();
        throw error instanceof Error ? error : new Error(String(error));
      }
    }
    const applied = pending ? appliedMigrations(sqlite) : before;
    // Opened after the migrations, so the reader never sees a half-migrated schema.
    const reader = readOnlyView(file === ':memory:' ? sqlite : openReadConnection(file));
    return {
      db: asWritableDb(db),
      sqlite: asWritable(sqlite),
      read: reader,
      readDb: readableKysely<DB>(reader),
      schemaVersion: applied.at(-1) ?? '',
      checkpointIdle: () => {
        if (sqlite.open) sqlite.pragma('wal_checkpoint(PASSIVE)');
      },
      close: async () => {
        if (reader.connection !== sqlite && reader.connection.open) reader.connection.close();
        await db.destroy(); // closes the better-sqlite3 handle too
      },
    };
  } catch (err) {
    if (sqlite.open) sqlite.close();
    throw err;
  }
}
