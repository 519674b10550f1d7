#!/usr/bin/env node
// The architecture's rules, checked on the files on disk (tracked or not): dependency-cruiser resolves every import,
// relative ones included, and judges it against the allowlists in scripts/boundaries/rules.mjs; a second pass refuses
// computed imports (import(x), require(x)), which no resolver can judge.
// Usage: node scripts/check-boundaries.mjs [--root DIR] [--write-known] [--cycles]
//   --cycles prints the import cycles among electron/core's top-level folders (see boundaries/folder-cycles.mjs).
//   exit 0 clean, 1 with one line per violation. Violations listed in scripts/boundaries/known-violations.json
//   (today's debts, each a place to fix) are reported as a count only; --write-known rewrites that list.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';
import ts from 'typescript';
import { cycleEdges, folderGraph, stronglyConnected } from './boundaries/folder-cycles.mjs';
import { allowed, forbidden } from './boundaries/rules.mjs';

const SCANNED = ['electron', 'shared', 'renderer'];
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIP = /(^|\/)(node_modules|out|dist|\.vite|test-results)(\/|$)/;
const KNOWN_FILE = 'scripts/boundaries/known-violations.json';

function* sourceFiles(root, dir) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  for (const entry of entries) {
    const rel = `${dir}/${entry.name}`;
    if (SKIP.test(rel)) continue;
    if (entry.isDirectory()) yield* sourceFiles(root, rel);
    else if (SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) yield rel;
  }
}

/** `import(expr)` / `require(expr)` whose argument is not a plain string: the checker cannot know what it loads. */
export function computedImports(root, files) {
  const found = [];
  for (const rel of files) {
    if (/\.test\.[cm]?[jt]sx?$/.test(rel)) continue;
    const text = fs.readFileSync(path.join(root, rel), 'utf8');
    const source = ts.createSourceFile(rel, text, ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (ts.isCallExpression(node)) {
        const isImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
        const arg = node.arguments[0];
        if ((isImport || isRequire) && arg && !ts.isStringLiteralLike(arg)) {
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          found.push({ rule: 'no-computed-imports', from: rel, to: node.getText().slice(0, 60), line });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

async function cruiseViolations(root, files) {
  if (files.length === 0) return { violations: [], modules: [] };
  const cwd = process.cwd();
  process.chdir(root);
  try {
    const result = await cruise(files, {
      validate: true,
      ruleSet: { forbidden, allowed, allowedSeverity: 'error' },
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: '(^|/)(out|dist|\\.vite|test-results)/' },
      enhancedResolveOptions: {
        exportsFields: ['exports'],
        conditionNames: ['types', 'import', 'require', 'node', 'default'],
        extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
      },
      moduleSystems: ['es6', 'cjs'],
    });
    const violations = result.output.summary.violations ?? [];
    return {
      violations: violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to })),
      modules: result.output.modules,
    };
  } finally {
    process.chdir(cwd);
  }
}

export async function findViolations(root) {
  const files = SCANNED.flatMap((dir) => [...sourceFiles(root, dir)]);
  const { violations, modules } = await cruiseViolations(root, files);
  const graph = folderGraph(modules);
  // A folder edge inside an import cycle is reported like a forbidden import, so known-violations.json lists today's
  // cycle edges and any new one (a new cycle, or a new edge into an old one) fails the check.
  const cycles = cycleEdges(graph).map(({ from, to, example }) => ({
    rule: 'no-folder-cycle',
    from: `electron/core/${from}`,
    to: `electron/core/${to}`,
    example,
  }));
  const found = [...violations, ...computedImports(root, files), ...cycles];
  found.sort((a, b) => `${a.from} ${a.to}`.localeCompare(`${b.from} ${b.to}`));
  return { violations: found, components: stronglyConnected(graph) };
}

/** node_modules/better-sqlite3/lib/index.js → better-sqlite3 */
const shortName = (to) => to.replace(/^node_modules\/((@[^/]+\/)?[^/]+).*$/, '$1');
const keyOf = (v) => `${v.rule} ${v.from} -> ${v.to}`;
const WHY = Object.fromEntries(forbidden.map((rule) => [rule.name, rule.comment]));
WHY['not-in-allowed'] = 'no allowlist in scripts/boundaries/rules.mjs lets this layer depend on that';
WHY['no-computed-imports'] = 'a computed import cannot be checked: name the module as a string';
WHY['no-folder-cycle'] =
  "this import closes a cycle among electron/core's top-level folders: invert the dependency (a port the " +
  'composition root fills) or move the shared piece down';

function readKnown(root) {
  try {
    return new Set(JSON.parse(fs.readFileSync(path.join(root, KNOWN_FILE), 'utf8')).map(keyOf));
  } catch (err) {
    if (err.code === 'ENOENT') return new Set();
    throw err;
  }
}

/** The command line (output to `out` / `err`); exported so the checker's test runs it without a process per case. */
export async function main(argv, out = process.stdout, err = process.stderr) {
  const rootFlag = argv.indexOf('--root');
  const here = path.dirname(fileURLToPath(import.meta.url));
  const root = rootFlag >= 0 && argv[rootFlag + 1] ? path.resolve(argv[rootFlag + 1]) : path.resolve(here, '..');
  const { violations, components } = await findViolations(root);
  if (argv.includes('--cycles')) {
    for (const component of components) out.write(`${component.length} folders: ${component.join(' ')}\n`);
    const edges = violations.filter((v) => v.rule === 'no-folder-cycle');
    for (const v of edges) out.write(`  ${v.from.slice(14)} -> ${v.to.slice(14)}  (${v.example})\n`);
    out.write(`check-boundaries: ${components.length} folder cycle(s), ${edges.length} cycle edges\n`);
    return 0;
  }
  if (argv.includes('--write-known')) {
    const list = violations.map(({ rule, from, to }) => ({ rule, from, to }));
    fs.mkdirSync(path.dirname(path.join(root, KNOWN_FILE)), { recursive: true });
    fs.writeFileSync(path.join(root, KNOWN_FILE), `${JSON.stringify(list, null, 1)}\n`);
    out.write(`check-boundaries: wrote ${list.length} known violations to ${KNOWN_FILE}\n`);
    return 0;
  }
  const known = readKnown(root);
  const fresh = violations.filter((v) => !known.has(keyOf(v)));
  const owed = violations.length - fresh.length;
  const debt = owed > 0 ? ` (${owed} known violation${owed === 1 ? '' : 's'} still listed in ${KNOWN_FILE})` : '';
  if (fresh.length === 0) {
    out.write(`check-boundaries: every import is allowed by scripts/boundaries/rules.mjs${debt}.\n`);
    return 0;
  }
  err.write(`check-boundaries: ${fresh.length} forbidden import${fresh.length === 1 ? '' : 's'}${debt}:\n`);
  for (const v of fresh) {
    const at = v.line ? `${v.from}:${v.line}` : v.from;
    const via = v.example ? ` (${v.example})` : '';
    err.write(`  ${at}: imports "${shortName(v.to)}"${via} [${v.rule}]\n`);
  }
  for (const rule of new Set(fresh.map((v) => v.rule))) err.write(`  [${rule}] ${WHY[rule] ?? ''}\n`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`check-boundaries: could not check: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
    },
  );
}
