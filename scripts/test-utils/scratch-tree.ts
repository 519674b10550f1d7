import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

/**
 * Throwaway project trees for the checkers' tests: `scratchTrees('souq-x-')` returns a maker of trees
 * (`tree({ 'shared/a.ts': '…' })`, paths relative to the tree's root, or to `under` inside it), each deleted
 * after its test.
 */
export function scratchTrees(prefix: string, under = ''): (files: Record<string, string>) => string {
  const trees: string[] = [];
  afterEach(() => {
    for (const root of trees.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  });
  return (files) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    trees.push(root);
    for (const [rel, text] of Object.entries(files)) {
      const file = path.join(root, under, rel);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    }
    return root;
  };
}

/** Runs a checker script (`node script --root root`) the way CI does. */
export const runChecker = (script: string, root: string) => spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });

/** The violations a checker printed: its indented lines, without the `  [rule]` headings. */
export const reported = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('  ') && !line.startsWith('  ['))
    .map((line) => line.trim());
