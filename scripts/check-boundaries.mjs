#!/usr/bin/env node
// Where code may run is enforced, not hoped for (see ../shared/STYLE.md rule 1):
//   electron/core/** and shared/**  never import `electron` (core runs headless too);
//   renderer/** and shared/**       never import Node builtins (`node:*`, fs, path, …) or better-sqlite3
//                                   (the renderer is a sandboxed page or a browser tab).
// Tests (*.test.ts[x]) are exempt: they run in Node under vitest.
// Usage: node scripts/check-boundaries.mjs [--root DIR]   exit 0 clean, 1 with one line per violation.
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const TEST = /\.test\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIP_DIRS = new Set(['node_modules', 'out', 'dist', '.vite']);
const builtins = new Set(builtinModules.filter((name) => !name.startsWith('_')));

const isElectron = (spec) => spec === 'electron' || spec.startsWith('electron/');
const isNodeOnly = (spec) =>
  spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0]) || spec === 'better-sqlite3' || spec.startsWith('better-sqlite3/');

/** Which imports each tree must not have, and why (printed with each violation). */
const RULES = [
  { dir: 'electron/core', banned: isElectron, why: 'core runs headless too; inject what only Electron has through ports.ts' },
  { dir: 'shared', banned: isElectron, why: 'shared code runs in every process' },
  { dir: 'shared', banned: isNodeOnly, why: 'shared code also runs in the renderer and the browser' },
  { dir: 'renderer', banned: isNodeOnly, why: 'the renderer is a sandboxed page or a browser tab' },
];

function* sourceFiles(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) yield* sourceFiles(full);
    } else if (SOURCE.test(entry.name) && !TEST.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      yield full;
    }
  }
}

/** Static imports, re-exports, `import type`, dynamic import() and require() — comments and strings are not imports. */
function importsOf(text) {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map((ref) => ({ spec: ref.fileName, line: lineOf(text, ref.pos) }));
}

function lineOf(text, pos) {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function findViolations(root) {
  const violations = [];
  for (const rule of RULES) {
    for (const file of sourceFiles(path.join(root, rule.dir))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const { spec, line } of importsOf(text)) {
        if (!rule.banned(spec)) continue;
        const rel = path.relative(root, file).split(path.sep).join('/');
        violations.push(`${rel}:${line}: imports "${spec}" — ${rule.why}`);
      }
    }
  }
  return violations;
}

function main(argv) {
  const rootFlag = argv.indexOf('--root');
  const root = rootFlag >= 0 && argv[rootFlag + 1] ? path.resolve(argv[rootFlag + 1]) : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const violations = findViolations(root);
  if (violations.length === 0) {
    process.stdout.write('check-boundaries: electron/core, shared and renderer import only what their runtime has.\n');
    return 0;
  }
  process.stderr.write(`check-boundaries: ${violations.length} forbidden import${violations.length === 1 ? '' : 's'}:\n`);
  for (const violation of violations) process.stderr.write(`  ${violation}\n`);
  return 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
