import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'check-boundaries.mjs');
const trees: string[] = [];

/** A throwaway project tree: { 'shared/a.ts': '…' }. */
function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-boundaries-'));
  trees.push(root);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

const run = (root: string) => spawnSync(process.execPath, [script, '--root', root], { encoding: 'utf8' });

afterEach(() => {
  for (const root of trees.splice(0)) fs.rmSync(root, { recursive: true, force: true });
});

describe('check-boundaries', () => {
  it('passes a tree where each runtime imports only what it has', () => {
    const root = tree({
      'electron/core/db.ts': "import fs from 'node:fs';\nimport SQLite from 'better-sqlite3';\n",
      'electron/main/index.ts': "import { app } from 'electron';\n",
      'shared/contract/a.ts': "import { z } from 'zod';\n// import { app } from 'electron' is only a comment\nconst s = \"require('fs')\";\n",
      'renderer/src/main.tsx': "import React from 'react';\nimport { calls } from '../../shared/contract';\n",
      'renderer/src/api.test.ts': "import fs from 'node:fs';\n",
      'shared/x.test.ts': "import { app } from 'electron';\n",
    });
    const result = run(root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails naming file:line for electron in core, node in the renderer, and both in shared', () => {
    const root = tree({
      'electron/core/pipeline/worker.ts': "import { z } from 'zod';\n\nimport { BrowserWindow } from 'electron';\n",
      'electron/core/lazy.ts': "export async function f() {\n  return import('electron/main');\n}\n",
      'renderer/src/page.tsx': "import React from 'react';\nimport { readFileSync } from 'fs';\n",
      'renderer/src/db.ts': "export * from 'better-sqlite3';\n",
      'shared/domain/bad.ts': "import type { Buffer } from 'node:buffer';\nimport { safeStorage } from 'electron';\nconst p = require('path');\n",
      'shared/ok.ts': "export const ok = 1;\n",
    });
    const result = run(root);
    expect(result.status).toBe(1);
    const lines = result.stderr.split('\n').filter((line) => line.startsWith('  '));
    const where = lines.map((line) => line.trim().split(': imports')[0]).sort();
    expect(where).toEqual(
      [
        'electron/core/lazy.ts:2',
        'electron/core/pipeline/worker.ts:3',
        'renderer/src/db.ts:1',
        'renderer/src/page.tsx:2',
        'shared/domain/bad.ts:1',
        'shared/domain/bad.ts:2',
        'shared/domain/bad.ts:3',
      ].sort(),
    );
    expect(result.stderr).toContain('renderer/src/page.tsx:2: imports "fs"');
  });

  it('passes on this repository', () => {
    const result = run(path.resolve(import.meta.dirname, '..'));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
