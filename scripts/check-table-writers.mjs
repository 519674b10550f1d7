#!/usr/bin/env node
// One writer per table: finds every write to a table in electron/core — SQL `INSERT INTO`, `REPLACE INTO`,
// `UPDATE`, `DELETE FROM` (upper case, as core writes its SQL) and kysely `insertInto`, `updateTable`,
// `deleteFrom`, `replaceInto`, `mergeInto` — and fails when one is outside the table's owner in
// scripts/boundaries/table-owners.mjs, names a table without an owner, or names a computed table no one vouched for.
// Tests, test-utils/, test-only fixtures and migrations are not judged (a migration writes whatever it reshapes).
//
//   node scripts/check-table-writers.mjs [--root <dir>]     exit 0 clean, 1 on any violation
import fs from 'node:fs';
import path from 'node:path';
import { COMPUTED_TABLE_WRITERS, TABLE_OWNERS } from './boundaries/table-owners.mjs';

const rootArg = process.argv.indexOf('--root');
const root = path.resolve(rootArg > 0 ? process.argv[rootArg + 1] : path.join(import.meta.dirname, '..'));
const CORE = path.join(root, 'electron', 'core');

const NOT_JUDGED = [/\.test\.tsx?$/, /(^|\/)test-utils\//, /^store\/migrations\//, /(^|\/)test-(fixtures?|catalog)\.ts$/];
// `UPDATE SET` (an upsert's DO UPDATE), `UPDATE ON`/`UPDATE OF` (a trigger's event) name no table.
const SQL_WRITE =
  /\b(?:INSERT(?:\s+OR\s+[A-Z]+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+[A-Z]+)?|DELETE\s+FROM)\s+(\$\{|["`]?[A-Za-z_][\w.]*)/g;
const NOT_A_TABLE = new Set(['SET', 'ON', 'OF', 'OR']);
const KYSELY_WRITE =
  /\.(?:insertInto|updateTable|deleteFrom|replaceInto|mergeInto)\(\s*(?:(['"])([A-Za-z_][\w.]*)(?:\s+as\s+\w+)?\1|([^'")\s]))/g;

function sourceFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(full);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

/** The code without its comment lines (a doc comment may quote SQL it does not run). */
const code = (text) =>
  text
    .split('\n')
    .map((line) => (/^\s*(\/\/|\/\*|\*)/.test(line) ? '' : line))
    .join('\n');

/** Every table write in core: { file (relative to electron/core), table (null when computed), line }. */
export function tableWrites(coreDir = CORE) {
  const writes = [];
  for (const full of sourceFiles(coreDir)) {
    const file = path.relative(coreDir, full).split(path.sep).join('/');
    if (NOT_JUDGED.some((re) => re.test(file))) continue;
    const text = code(fs.readFileSync(full, 'utf8'));
    const lineOf = (index) => text.slice(0, index).split('\n').length;
    for (const m of text.matchAll(SQL_WRITE)) {
      const name = m[1].replace(/^["`]/, '');
      if (NOT_A_TABLE.has(name)) continue;
      writes.push({ file, table: name === '${' ? null : name, line: lineOf(m.index) });
    }
    for (const m of text.matchAll(KYSELY_WRITE)) writes.push({ file, table: m[2] ?? null, line: lineOf(m.index) });
  }
  return writes;
}

const owns = (owner, file) => (owner.endsWith('/') ? file.startsWith(owner) : file === owner);

/** The writes that break the rule, each with why. */
export function violations(writes) {
  const found = [];
  for (const { file, table, line } of writes) {
    const at = `${file}:${line}`;
    if (table === null) {
      if (!Object.hasOwn(COMPUTED_TABLE_WRITERS, file)) found.push(`${at}: writes a table under a computed name`);
      continue;
    }
    if (/^temp\./i.test(table)) continue; // a TEMP table is private to the connection that made it
    const entry = TABLE_OWNERS[table];
    if (!entry) {
      found.push(`${at}: writes "${table}", which has no owner in scripts/boundaries/table-owners.mjs`);
      continue;
    }
    if (owns(entry.owner, file)) continue;
    found.push(`${at}: writes "${table}", owned by ${entry.owner}`);
  }
  return [...new Set(found)];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const writes = tableWrites();
  const bad = violations(writes);
  if (bad.length) {
    process.stderr.write(`check-table-writers: ${bad.length} write(s) outside the table's owner:\n${bad.map((b) => `  ${b}\n`).join('')}`);
    process.stderr.write(
      "  [one-writer] a table is written by its owner only: call the owner's module, or (a new table) add it to scripts/boundaries/table-owners.mjs\n",
    );
    process.exitCode = 1;
  } else {
    const tables = new Set(writes.map((w) => w.table).filter(Boolean));
    process.stdout.write(`check-table-writers: ${tables.size} tables written, each by its owner only.\n`);
  }
}
