import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { withStatementCache } from './statement-cache';

/*
 * Read and write handles are different types, as Signal-Desktop brands them (ts/sql/Interface.std.ts:
 * `ReadableDB = Database & { __readable_db: never }`, `WritableDB = ReadableDB & { __writable_db: never }`).
 * A writer is also a reader, never the other way round: code given a readable handle cannot pass it
 * to anything that writes, and the readable types leave out every method that writes (exec,
 * transaction, pragma, a statement's run; kysely's insertInto, updateTable, deleteFrom, schema, sql).
 * The brands exist only in the types; the handles the store opens also refuse writes at run time.
 */
declare const readableBrand: unique symbol;
declare const writableBrand: unique symbol;

interface ReadBrand {
  readonly [readableBrand]: true;
}
interface WriteBrand extends ReadBrand {
  readonly [writableBrand]: true;
}

/** A prepared statement that can only read: no `run`, and no `database` to reach the connection through. */
export type ReadStatement<P extends unknown[] = unknown[], R = unknown> = Omit<SQLite.Statement<P, R>, 'run' | 'database'>;

/** The raw better-sqlite3 handle a read model gets: it prepares reads and nothing else. */
export interface ReadableSqlite extends ReadBrand {
  prepare<P extends unknown[] = unknown[], R = unknown>(sql: string): ReadStatement<P, R>;
}

/**
 * The raw better-sqlite3 connection that writes (the store's one writer). It is a ReadableSqlite
 * too (the intersection), so a writer can be handed to a read model; better-sqlite3's own
 * `prepare` comes first, so the writer's statements keep their `run`.
 */
export type WritableSqlite = SQLite.Database & ReadableSqlite & WriteBrand;

/** The kysely handle a read model gets: selects only (no insert, update, delete, schema, transaction or raw `sql`). */
export type ReadableDB<DB> = Pick<Kysely<DB>, 'selectFrom' | 'selectNoFrom' | 'fn' | 'dynamic'> & ReadBrand;

/** The kysely handle that writes. */
export type WritableDB<DB> = Kysely<DB> & WriteBrand;

/** Thrown when a readable handle is asked to prepare a statement that would write. */
export class WriteRefusedError extends Error {
  constructor(sql: string) {
    super(`a read handle may only read: ${sql.slice(0, 60)}`);
    this.name = 'WriteRefusedError';
  }
}

/** Brands the store's own connection as its writer (the one place a raw connection becomes writable). */
export const asWritable = (sqlite: SQLite.Database): WritableSqlite => sqlite as WritableSqlite;
export const asWritableDb = <DB>(db: Kysely<DB>): WritableDB<DB> => db as WritableDB<DB>;

/** Runs `work` in a transaction of the writer: the transaction's handle writes too, so it is a WritableDB. */
export function inWriteTransaction<DB, T>(db: WritableDB<DB>, work: (trx: WritableDB<DB>) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => work(trx as unknown as WritableDB<DB>));
}

/**
 * A readable view of a connection: it prepares only statements SQLite itself reports as read-only
 * (sqlite3_stmt_readonly), so a write slipped into a read model fails at prepare time. Used over
 * the writer's connection for ':memory:' stores (a second connection would see another database),
 * and over the read-only connection too, as a second lock.
 */
export function readOnlyView(sqlite: SQLite.Database): ReadableSqlite & { readonly connection: SQLite.Database } {
  const view = {
    connection: sqlite,
    prepare(sql: string) {
      const stmt = sqlite.prepare(sql);
      if (!stmt.readonly) throw new WriteRefusedError(sql);
      return stmt;
    },
  };
  return view as unknown as ReadableSqlite & { readonly connection: SQLite.Database };
}

/** A kysely over a readable view: its queries go through the same read-only prepare. */
export function readableKysely<DB>(view: ReturnType<typeof readOnlyView>): ReadableDB<DB> {
  const database = {
    prepare: (sql: string) => view.prepare(sql) as SQLite.Statement,
    // The connection belongs to the store; closing the reader's kysely must not close it.
    close: () => undefined,
  } as unknown as SQLite.Database;
  return new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) }) as unknown as ReadableDB<DB>;
}

/** SQLite's page cache of the read-only connection, in KiB: reports scan, the writer keeps the hot pages. */
export const READ_PAGE_CACHE_KB = 2_000;

/**
 * Opens the read-only connection of a store file: opened with SQLite's readonly flag and
 * `query_only`, so even a statement prepared around the view cannot write.
 */
export function openReadConnection(file: string): SQLite.Database {
  const read = new SQLite(file, { readonly: true, fileMustExist: true });
  read.pragma('query_only = ON');
  read.pragma('busy_timeout = 5000');
  read.pragma(`cache_size = -${READ_PAGE_CACHE_KB}`);
  return read;
}
