#!/usr/bin/env node
// Type-check one tsconfig and lint its files with the SAME TypeScript program, or lint everything no tsconfig lane
// claims. `npm test` ran `tsc --noEmit` three times and then `eslint .`, whose type-aware rules (no-floating-promises,
// no-misused-promises …) built the same three programs again and type-checked them lazily: about half of preflight's
// CPU went to checking the same code twice. Here the full check that `tsc --noEmit` does fills the program's type
// caches, and ESLint is handed that program (parserOptions.programs), so its typed rules read cached types.
//
// Usage (preflight runs one process per lane, side by side; the lanes together cover what `eslint .` and
// `npm run typecheck` cover):
//   node scripts/typecheck-lint.mjs --project tsconfig.json [--after other.json …]
//     type errors of that project (as `tsc -p … --noEmit` reports them), then ESLint over its own .ts/.tsx files,
//     minus those an --after project claims (a file in several projects is linted once, by the first, as
//     typescript-eslint's `parserOptions.project` list does).
//   node scripts/typecheck-lint.mjs --rest --claimed a.json,b.json …
//     ESLint over every file `eslint .` would lint that none of those projects claims: the .js/.mjs files, and any
//     .ts file no tsconfig includes (which fails, as it does under `eslint .`: the typed rules need a project).
//   --root DIR (default: the repo) and --max-warnings N (default 0) as for eslint.
// Exit 0 clean, 1 on any type error, lint error or warning over the limit.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';

function parseArgs(argv) {
  const args = { root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), after: [], claimed: [], maxWarnings: 0 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${flag} needs a value`);
      return next;
    };
    if (flag === '--root') args.root = path.resolve(value());
    else if (flag === '--project') args.project = value();
    else if (flag === '--after') args.after.push(...value().split(','));
    else if (flag === '--rest') args.rest = true;
    else if (flag === '--claimed') args.claimed.push(...value().split(','));
    else if (flag === '--max-warnings') args.maxWarnings = Number(value());
    else throw new Error(`unknown argument ${flag}`);
  }
  if (!args.project === !args.rest) throw new Error('give exactly one of --project FILE or --rest');
  return args;
}

function parseProject(root, project, diagnostics) {
  const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => diagnostics.push(d) };
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(root, project), { noEmit: true }, host);
  if (!parsed) return undefined;
  diagnostics.push(...ts.getConfigFileParsingDiagnostics(parsed));
  return parsed;
}

/** The project's own source files (not declaration files, not node_modules), absolute. */
const ownFiles = (parsed) =>
  parsed.fileNames.filter((f) => /\.(ts|tsx|mts|cts)$/.test(f) && !f.endsWith('.d.ts') && !f.includes('/node_modules/'));

async function report(eslint, results, maxWarnings) {
  const errors = results.reduce((n, r) => n + r.errorCount + r.fatalErrorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  const text = await (await eslint.loadFormatter('stylish')).format(results);
  if (text.trim()) process.stdout.write(text);
  if (errors === 0 && warnings > maxWarnings) process.stdout.write(`ESLint found too many warnings (maximum: ${maxWarnings}).\n`);
  return errors === 0 && warnings <= maxWarnings;
}

async function projectLane({ root, project, after, maxWarnings }) {
  const diagnostics = [];
  const parsed = parseProject(root, project, diagnostics);
  if (!parsed) return reportTypes(diagnostics) && false;
  const host = ts.createCompilerHost(parsed.options, true); // parent pointers, which typescript-eslint's AST needs
  const program = ts.createProgram({
    rootNames: parsed.fileNames,
    options: parsed.options,
    projectReferences: parsed.projectReferences,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  // What `tsc --noEmit` reports: config, options, syntax, global and semantic diagnostics. This is also the full
  // check that leaves every type cached for the lint below.
  diagnostics.push(...ts.getPreEmitDiagnostics(program));
  const typesOk = reportTypes(diagnostics, host);

  const taken = new Set();
  for (const other of after) for (const f of ownFiles(parseProject(root, other, []) ?? { fileNames: [] })) taken.add(f);
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: [{ files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parserOptions: { programs: [program] } } }],
  });
  const files = [];
  for (const f of ownFiles(parsed)) if (!taken.has(f) && !(await eslint.isPathIgnored(f))) files.push(f);
  const lintOk = files.length === 0 || (await report(eslint, await eslint.lintFiles(files), maxWarnings));
  return typesOk && lintOk;
}

function reportTypes(diagnostics, host = ts.createCompilerHost({})) {
  if (diagnostics.length === 0) return true;
  process.stdout.write(ts.formatDiagnostics(diagnostics, host));
  const errors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
  process.stdout.write(`Found ${errors} type error${errors === 1 ? '' : 's'}.\n`);
  return errors === 0;
}

/** Every .ts/.tsx file under `dir` that ESLint does not ignore (it walks the tree as `eslint .` does). */
async function* lintableTs(eslint, root, dir) {
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name !== '.git' && !(await eslint.isPathIgnored(path.join(root, rel, '/')))) yield* lintableTs(eslint, root, rel);
    } else if (/\.(ts|tsx|mts)$/.test(entry.name) && !(await eslint.isPathIgnored(path.join(root, rel)))) yield path.join(root, rel);
  }
}

async function restLane({ root, claimed, maxWarnings }) {
  const taken = new Set();
  for (const project of claimed) {
    const diagnostics = [];
    const parsed = parseProject(root, project, diagnostics);
    if (!parsed) return reportTypes(diagnostics) && false;
    for (const f of ownFiles(parsed)) taken.add(f);
  }
  // The claimed files are linted by their project lanes. Here: the JavaScript files, and any TypeScript file no
  // project claims (its typed rules then fail to find a program, as under `eslint .`: add it to a tsconfig).
  // (Listing the claimed files as ignorePatterns instead costs ~20 s of CPU: every path is matched against each.)
  const eslint = new ESLint({ cwd: root, errorOnUnmatchedPattern: false });
  const orphans = [];
  for await (const f of lintableTs(eslint, root, '')) if (!taken.has(f)) orphans.push(f);
  return report(eslint, await eslint.lintFiles(['**/*.{js,mjs,cjs}', ...orphans]), maxWarnings);
}

const args = parseArgs(process.argv.slice(2));
const ok = args.rest ? await restLane(args) : await projectLane(args);
process.exitCode = ok ? 0 : 1;
