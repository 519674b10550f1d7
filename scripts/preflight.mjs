#!/usr/bin/env node
// The checks `npm test` runs before the tests: boundaries, one writer per table, lint + format, and the three
// type-checks, side by side (they are independent and each is mostly single-threaded, so two cores finish them in
// about the time of the slowest). Each step's output is held and printed whole when it ends, so parallel output never interleaves.
// Exit 0 when every step passed; otherwise 1, after every step has finished and said why.
//
// Type-check and lint share their TypeScript programs (scripts/typecheck-lint.mjs): one lane per tsconfig runs what
// `tsc -p … --noEmit` reports and then ESLint over that project's files on the same, fully checked program, so the
// type-aware rules do not check everything a second time (that was about 90 s of CPU). Together the lanes cover
// `npm run typecheck` and `eslint --max-warnings=0 .`: a file in several projects is linted by the first listed, as
// the eslint config's `parserOptions.project` order does; the rest lane lints the JavaScript and any .ts no project has.
import { spawn } from 'node:child_process';

const PROJECTS = ['tsconfig.json', 'tsconfig.electron.json', 'tsconfig.web.json'];
const typedLanes = PROJECTS.map((project, i) => [
  `typecheck+lint ${project}`,
  'node',
  ['scripts/typecheck-lint.mjs', '--project', project, ...PROJECTS.slice(0, i).flatMap((p) => ['--after', p])],
]);

// The longest first, so the short ones fill the other core around them.
const STEPS = [
  ...typedLanes,
  ['lint rest', 'node', ['scripts/typecheck-lint.mjs', '--rest', '--claimed', PROJECTS.join(',')]],
  ['boundaries', 'node', ['scripts/check-boundaries.mjs']],
  ['table-writers', 'node', ['scripts/check-table-writers.mjs']],
  // Prettier's verdict depends only on a file's content and the config, so a cache keyed on content is safe: a repeat
  // run checks only the files that changed (about 5 s of CPU instead of 40). ESLint gets no cache: its type-aware rules
  // read other files' types, which a per-file cache would not see change.
  [
    'format',
    'npx',
    [
      'prettier',
      '--check',
      '--cache',
      '--cache-strategy',
      'content',
      '--cache-location',
      'node_modules/.cache/prettier/.prettier-cache',
      '--log-level=warn',
      '.',
    ],
  ],
];

function runStep([name, command, args]) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (err) => resolve({ name, ok: false, output: `${output}${err.message}\n`, ms: Date.now() - started }));
    child.on('close', (code) => resolve({ name, ok: code === 0, output, ms: Date.now() - started }));
  });
}

const results = await Promise.all(STEPS.map(runStep));
for (const { name, ok, output, ms } of results) {
  process.stdout.write(`preflight ${name}: ${ok ? 'ok' : 'FAILED'} (${(ms / 1000).toFixed(1)} s)\n`);
  if (!ok || output.trim()) process.stdout.write(output.replace(/^/gm, '  ').trimEnd() + '\n');
}
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
