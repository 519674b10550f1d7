import type SQLite from 'better-sqlite3';
import type { Selectable } from 'kysely';

/*
 * What a kysely schema type must match: the tables and columns the migrations made. The store is
 * generic over the schema (core's is electron/core/database.ts), so this names no domain table.
 */

/** Whether a column may hold null, read off its kysely type. */
export type Nullability<Table> = { [C in keyof Selectable<Table>]-?: null extends Selectable<Table>[C] ? 'null' : 'not null' };

/**
 * A runtime copy of a schema type, one entry per table and column. Written
 * `{ … } satisfies ColumnMap<Database>`, the compiler refuses a table or column the type lacks or
 * adds, and a wrong nullability; `schemaDrift` then compares the map with the migrated database.
 */
export type ColumnMap<DB> = { [T in keyof DB]: Nullability<DB[T]> };

interface LiveTable {
  virtual: boolean;
  /**
   * Column name → may it hold null. A key column counts as NOT NULL: an INTEGER PRIMARY KEY cannot
   * be null, and the NULL SQLite tolerates in another key of a rowid table (a legacy quirk) is a
   * key no code can look up, so no code writes one.
   */
  columns: Map<string, boolean>;
}

/**
 * The tables of a migrated database as SQLite reports them (sqlite_master, PRAGMA table_info):
 * SQLite's own and the migrator's tables left out, and so are a virtual table's shadow tables
 * (an FTS5 `x` keeps `x_data`, `x_idx`, …), which only SQLite reads and writes.
 */
export function liveTables(sqlite: SQLite.Database): Map<string, LiveTable> {
  const rows = sqlite
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'kysely\\_%' ESCAPE '\\'",
    )
    .all();
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  const tables = new Map<string, LiveTable>();
  for (const row of rows) {
    if (virtual.some((v) => row.name.startsWith(`${v}_`))) continue;
    const columns = sqlite
      .prepare<[string], { name: string; notnull: number; pk: number }>('SELECT name, "notnull", pk FROM pragma_table_info(?)')
      .all(row.name);
    tables.set(row.name, {
      virtual: virtual.includes(row.name),
      columns: new Map(columns.map((c) => [c.name, c.notnull === 0 && c.pk === 0])),
    });
  }
  return tables;
}

/**
 * Every difference between a schema's column map and the migrated database, one line each (empty
 * when they agree). A virtual table's columns are typeless and nullable in SQLite, so only their
 * names are compared; its `rowid` is implicit, so the map may name it.
 */
export function schemaDrift(sqlite: SQLite.Database, map: Record<string, Record<string, 'null' | 'not null'>>): string[] {
  const live = liveTables(sqlite);
  const problems: string[] = [];
  for (const [name, table] of live) {
    const typed = map[name];
    if (!typed) {
      problems.push(`table ${name}: made by a migration, missing from the Database type`);
      continue;
    }
    for (const [column, nullable] of table.columns) {
      const declared = typed[column];
      if (!declared) problems.push(`column ${name}.${column}: made by a migration, missing from the Database type`);
      else if (!table.virtual && (declared === 'null') !== nullable)
        problems.push(
          `column ${name}.${column}: ${nullable ? 'nullable' : 'NOT NULL'} in the database, '${declared}' in the Database type`,
        );
    }
    for (const column of Object.keys(typed))
      if (!table.columns.has(column) && !(table.virtual && column === 'rowid'))
        problems.push(`column ${name}.${column}: in the Database type, not in the database`);
  }
  for (const name of Object.keys(map)) if (!live.has(name)) problems.push(`table ${name}: in the Database type, not in the database`);
  return problems.sort();
}
