import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './check-boundaries.mjs';
import { reported, runChecker, scratchTrees } from './test-utils/scratch-tree';

const script = path.join(import.meta.dirname, 'check-boundaries.mjs');

const fakePackage = (name: string) => ({
  [`node_modules/${name}/package.json`]: JSON.stringify({ name, main: 'index.js' }),
  [`node_modules/${name}/index.js`]: 'module.exports = {};\n',
});

const scratch = scratchTrees('souq-boundaries-');
/** A throwaway project tree: { 'shared/a.ts': '…' }, with a few installed packages. */
function tree(files: Record<string, string>): string {
  const packages = ['electron', 'zod', 'react', 'pino', 'better-sqlite3', '@whiskeysockets/baileys', 'left-pad'];
  return scratch(Object.assign({}, ...packages.map(fakePackage), files) as Record<string, string>);
}

/**
 * The checker's command line run in this process, answering like spawnSync: a spawned node loads dependency-cruiser
 * and TypeScript again each time (~1.7 s of CPU of its ~2.3), ten times in this file. The first case spawns the
 * script as CI does.
 */
async function run(root: string, ...flags: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const status = await main(
    ['--root', root, ...flags],
    { write: (text: string) => (stdout += text) },
    { write: (text: string) => (stderr += text) },
  );
  return { status, stdout, stderr };
}

const CLEAN = {
  'electron/core/store/open-database.ts':
    "import fs from 'node:fs';\nimport SQLite from 'better-sqlite3';\nexport const open = () => [fs, SQLite];\n",
  'electron/core/catalog/index.ts': "export { product } from './product';\n",
  'electron/core/catalog/product.ts': "import { z } from 'zod';\nexport const product = z.string();\n",
  'electron/core/orders/place.ts':
    "import { product } from '../catalog';\nimport { open } from '../store';\nexport const p = [product, open];\n",
  'electron/core/store/index.ts': "export * from './open-database';\n",
  'electron/core/channels/whatsapp/session.ts': "import * as baileys from '@whiskeysockets/baileys';\nexport const b = baileys;\n",
  'electron/main/index.ts': "import { app } from 'electron';\nimport path from 'node:path';\nexport const a = [app, path];\n",
  'electron/preload/index.ts':
    "import { contextBridge } from 'electron';\nimport type { Bridge } from '../../shared/contract/bridge';\nexport const c: [unknown, Bridge?] = [contextBridge];\n",
  'shared/contract/bridge.ts':
    "import { z } from 'zod';\n// import { app } from 'electron' is only a comment\nconst s = \"require('fs')\";\nexport type Bridge = { s: typeof s; z: typeof z };\n",
  'renderer/src/main.tsx':
    "import React from 'react';\nimport type { Bridge } from '../../shared/contract/bridge';\nexport const r: [unknown, Bridge?] = [React];\n",
  'renderer/src/api.test.ts': "import fs from 'node:fs';\nexport const f = fs;\n",
  'shared/x.test.ts': "import { app } from 'electron';\nexport const a = app;\n",
};

// Each case spawns dependency-cruiser (several seconds each on a loaded 2-core machine).
describe('check-boundaries', { timeout: 120_000 }, () => {
  it('passes a tree where every layer imports only what its allowlist names', () => {
    const result = runChecker(script, tree(CLEAN));
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('reports one violation of each rule, naming the file, the import and the rule', async () => {
    const root = tree({
      ...CLEAN,
      'electron/core/pipeline/worker.ts': "import { BrowserWindow } from 'electron';\nexport const w = BrowserWindow;\n",
      'electron/core/pipeline/ui.ts': "import { main } from '../../../renderer/src/main';\nexport const m = main;\n",
      'electron/core/pipeline/wa.ts': "import { proto } from '@whiskeysockets/baileys';\nexport const p = proto;\n",
      'electron/core/brain/db.ts': "import type SQLite from 'better-sqlite3';\nexport type Db = SQLite;\n",
      'electron/core/orders/peek.ts': "import { product } from '../catalog/product';\nexport const p = product;\n",
      'electron/core/orders/ghost.ts': "import { x } from '../../main/not-written-yet';\nexport const g = x;\n",
      'electron/core/lazy.ts': 'export async function load(name: string) {\n  return import(name);\n}\n',
      'renderer/src/fs.ts': "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      'renderer/src/log.ts': "import pino from 'pino';\nexport const l = pino;\n",
      'shared/pad.ts': "import pad from 'left-pad';\nexport const p = pad;\n",
      'electron/preload/core.ts': "import { open } from '../core/store/open-database';\nexport const o = open;\n",
    });
    const result = await run(root);
    expect(result.status).toBe(1);
    const lines = reported(result.stderr);
    const expected = [
      ['electron/core/pipeline/worker.ts', 'core-not-electron'],
      ['electron/core/pipeline/ui.ts', 'core-not-electron'],
      ['electron/core/pipeline/wa.ts', 'baileys-only-in-whatsapp-channel'],
      ['electron/core/brain/db.ts', 'sqlite-only-in-store-and-repositories'],
      ['electron/core/orders/peek.ts', 'domain-internals-private'],
      ['electron/core/orders/ghost.ts', 'no-unresolvable-imports'],
      ['electron/core/lazy.ts:2', 'no-computed-imports'],
      ['renderer/src/fs.ts', 'not-in-allowed'],
      ['renderer/src/log.ts', 'not-in-allowed'],
      ['shared/pad.ts', 'not-in-allowed'],
      ['electron/preload/core.ts', 'not-in-allowed'],
    ];
    for (const [file, rule] of expected) {
      expect(
        lines.some((line) => line.startsWith(`${file}:`) && line.endsWith(`[${rule}]`)),
        `${file} ${rule}\n${result.stderr}`,
      ).toBe(true);
    }
    // Nothing from the clean part of the tree is blamed.
    for (const file of Object.keys(CLEAN))
      expect(
        lines.some((line) => line.startsWith(`${file}:`)),
        file,
      ).toBe(false);
  });

  it('lists known violations as a count, and fails again on a new one', async () => {
    const root = tree({
      ...CLEAN,
      'electron/core/orders/peek.ts': "import { product } from '../catalog/product';\nexport const p = product;\n",
    });
    expect((await run(root, '--write-known')).status).toBe(0);
    const owed = await run(root);
    expect(owed.status).toBe(0);
    expect(owed.stdout).toContain('1 known violation');
    fs.writeFileSync(
      path.join(root, 'electron/core/orders/peek2.ts'),
      "import { product } from '../catalog/product';\nexport const q = product;\n",
    );
    const again = await run(root);
    expect(again.status).toBe(1);
    expect(reported(again.stderr)).toEqual([
      'electron/core/orders/peek2.ts: imports "electron/core/catalog/product.ts" [domain-internals-private]',
    ]);
  });

  it('refuses an import that closes a cycle among core folders, even when part of the cycle is a known debt', async () => {
    const oneWay = {
      ...CLEAN,
      'electron/core/orders/index.ts': "export { p } from './place';\n",
      // A test may import anything: its imports make no folder cycle.
      'electron/core/catalog/price.test.ts': "import { p } from '../orders';\nexport const t = p;\n",
    };
    expect((await run(tree(oneWay))).status).toBe(0);

    const root = tree({ ...oneWay, 'electron/core/catalog/price.ts': "import { p } from '../orders';\nexport const q = p;\n" });
    const cycle = await run(root);
    expect(cycle.status).toBe(1);
    expect(reported(cycle.stderr).filter((line) => line.endsWith('[no-folder-cycle]'))).toEqual([
      'electron/core/catalog: imports "electron/core/orders" (electron/core/catalog/price.ts -> electron/core/orders/index.ts) [no-folder-cycle]',
      'electron/core/orders: imports "electron/core/catalog" (electron/core/orders/place.ts -> electron/core/catalog/index.ts) [no-folder-cycle]',
    ]);

    // Listed as today's debt, the cycle passes; a third folder joining it (store → catalog, while orders → store) fails.
    expect((await run(root, '--write-known')).status).toBe(0);
    expect((await run(root)).status).toBe(0);
    fs.writeFileSync(path.join(root, 'electron/core/store/seed.ts'), "import { product } from '../catalog';\nexport const s = product;\n");
    const joined = await run(root);
    expect(joined.status).toBe(1);
    expect(reported(joined.stderr).map((line) => line.replace(/ \(.*\)/, ''))).toEqual([
      'electron/core/orders: imports "electron/core/store" [no-folder-cycle]',
      'electron/core/store: imports "electron/core/catalog" [no-folder-cycle]',
    ]);
  });
});
