import type SQLite from 'better-sqlite3';
import { type Compilable, DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler } from 'kysely';
import type { ReadableDB, ReadableSqlite, WritableSqlite } from './handles';

/*
 * Repositories build their queries with kysely, against core's `Database` type, so a renamed
 * column or a missing table fails the type-check; and run them as better-sqlite3 statements
 * prepared once, so a call costs what SQLite takes (building a kysely query costs several times
 * that) and stays synchronous (repositories run inside better-sqlite3 transactions).
 */

/** A kysely that only compiles: its driver never connects, nothing it builds can run by itself. */
const compiler = new Kysely<unknown>({
  dialect: {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  },
});

/**
 * The call's values stand in the built query as these strings, one per parameter name; after
 * compiling, each `?` is known to be a constant or a named value of the call.
 */
const MARK = '\u0000typed-statement-param:';

/** One row of what a query returns (selects and `returning`); `InsertResult` and the like for the others. */
export type RowOf<Q> = Q extends Compilable<infer O> ? O : never;

/** The call's values: none to pass when the query takes none. */
type Args<P> = keyof P extends never ? [params?: P] : [params: P];

/** A prepared read: the query's SQL, run with the call's named values. */
export interface ReadQuery<P, R> {
  /** The SQL as prepared (for logs and tests). */
  readonly sql: string;
  all(...params: Args<P>): R[];
  get(...params: Args<P>): R | undefined;
  iterate(...params: Args<P>): IterableIterator<R>;
}

/** A prepared statement of the writer: reads, and `run` for statements that write. */
export interface WriteQuery<P, R> extends ReadQuery<P, R> {
  run(...params: Args<P>): SQLite.RunResult;
}

/** Prepares queries built against `DB` on one connection; what it may build follows the handle. */
export interface WritingStatements<DB> {
  /** `build` gets the query builder and the call's values by name (annotate `p` with their types). */
  prepare<Q extends Compilable, P extends object = Record<never, never>>(build: (db: Kysely<DB>, p: P) => Q): WriteQuery<P, RowOf<Q>>;
  /**
   * For a query whose shape changes per call (optional filters, a list of ids): built and compiled
   * on each call, prepared once per distinct SQL text (the most recent 64 are kept).
   */
  now<Q extends Compilable>(build: (db: Kysely<DB>) => Q): WriteQuery<Record<never, never>, RowOf<Q>>;
}

/** Prepares selects only: `build` gets a builder without insert, update, delete or raw `sql`. */
export interface ReadingStatements<DB> {
  prepare<Q extends Compilable, P extends object = Record<never, never>>(build: (db: ReadableDB<DB>, p: P) => Q): ReadQuery<P, RowOf<Q>>;
  /** A select whose shape changes per call, prepared once per distinct SQL text. */
  now<Q extends Compilable>(build: (db: ReadableDB<DB>) => Q): ReadQuery<Record<never, never>, RowOf<Q>>;
}

/** How many distinct SQL texts `now` keeps prepared. */
const RECENT = 64;

type Slot = { readonly name: string } | { readonly value: unknown };

function marks<P extends object>(): P {
  return new Proxy({} as P, { get: (_target, name) => `${MARK}${String(name)}` });
}

function slotsOf(parameters: readonly unknown[]): Slot[] {
  return parameters.map((value) => (typeof value === 'string' && value.startsWith(MARK) ? { name: value.slice(MARK.length) } : { value }));
}

function binder(slots: readonly Slot[], sql: string): (params: unknown) => unknown[] {
  return (params) =>
    slots.map((slot) => {
      if ('value' in slot) return slot.value;
      const value = (params as Record<string, unknown> | undefined)?.[slot.name];
      if (value === undefined) throw new TypeError(`missing value "${slot.name}" for: ${sql.slice(0, 80)}`);
      return value;
    });
}

interface Runnable {
  all(...values: unknown[]): unknown[];
  get(...values: unknown[]): unknown;
  iterate(...values: unknown[]): IterableIterator<unknown>;
  run?(...values: unknown[]): SQLite.RunResult;
}

function prepareWith<P, R>(sqlite: { prepare(sql: string): Runnable }, query: Compilable): WriteQuery<P, R> {
  const compiled = query.compile();
  const statement = sqlite.prepare(compiled.sql);
  const bind = binder(slotsOf(compiled.parameters), compiled.sql);
  return {
    sql: compiled.sql,
    all: (...[params]) => statement.all(...bind(params)) as R[],
    get: (...[params]) => statement.get(...bind(params)) as R | undefined,
    iterate: (...[params]) => statement.iterate(...bind(params)) as IterableIterator<R>,
    run: (...[params]) => {
      if (!statement.run) throw new TypeError(`a read handle cannot run: ${compiled.sql.slice(0, 80)}`);
      return statement.run(...bind(params));
    },
  };
}

/** Statements for `DB` on the writer: selects and writes. */
export function typedStatements<DB>(sqlite: WritableSqlite): WritingStatements<DB>;
/** Statements for `DB` on a read handle: selects only, in the types and (the handle refuses writes) at run time. */
export function typedStatements<DB>(sqlite: ReadableSqlite): ReadingStatements<DB>;
export function typedStatements<DB>(sqlite: ReadableSqlite): WritingStatements<DB> | ReadingStatements<DB> {
  const builder = compiler as unknown as Kysely<DB>;
  const runner = sqlite as unknown as { prepare(sql: string): Runnable };
  const recent = new Map<string, Runnable>();
  const cached = {
    prepare(sql: string): Runnable {
      let statement = recent.get(sql);
      if (statement)
        recent.delete(sql); // re-inserted below: Map order is the recency order
      else statement = runner.prepare(sql);
      recent.set(sql, statement);
      if (recent.size > RECENT) recent.delete(recent.keys().next().value as string);
      return statement;
    },
  };
  const statements: WritingStatements<DB> = {
    prepare: <Q extends Compilable, P extends object>(build: (db: Kysely<DB>, p: P) => Q) =>
      prepareWith<P, RowOf<Q>>(runner, build(builder, marks<P>())),
    now: <Q extends Compilable>(build: (db: Kysely<DB>) => Q) => prepareWith<Record<never, never>, RowOf<Q>>(cached, build(builder)),
  };
  return statements;
}
