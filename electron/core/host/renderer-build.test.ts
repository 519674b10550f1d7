import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config';

const ROOT = path.join(import.meta.dirname, '../../..');

// A value import (static, re-export or `import('x')` with a literal name), never `import type`: a type-only import
// leaves nothing in the bundle.
const VALUE_IMPORT =
  /^\s*import\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]|^\s*export\s+(?!type\b)[^;]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

const packageOf = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? specifier);

/** Dev-only packages (not in `dependencies`) that these shipped sources load at run time, with the files loading them. */
function devOnlyRuntimeImports(sources: Record<string, string>, devDependencies: ReadonlySet<string>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [file, text] of Object.entries(sources)) {
    for (const match of text.matchAll(VALUE_IMPORT)) {
      const name = packageOf(match[1] ?? match[2] ?? match[3] ?? '');
      if (devDependencies.has(name)) found.set(name, [...(found.get(name) ?? []), file]);
    }
  }
  return found;
}

/** Core's shipped sources (tests and test-utils aside), by path. */
function coreSources(): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'test-utils') walk(file);
      } else if (/\.ts$/.test(entry.name) && !/\.(test|d)\.ts$/.test(entry.name)) {
        out[path.relative(ROOT, file)] = fs.readFileSync(file, 'utf8');
      }
    }
  };
  walk(path.join(ROOT, 'electron/core'));
  return out;
}

/** What electron-vite keeps out of the main bundles besides `dependencies` (its `externalizeDeps.include`). */
function externalizedDevPackages(): string[] {
  const resolved = typeof config === 'function' ? null : config;
  const main = resolved && 'main' in resolved ? resolved.main : undefined;
  const option = main && typeof main === 'object' && 'build' in main ? main.build?.externalizeDeps : undefined;
  return typeof option === 'object' ? (option.include ?? []) : [];
}

describe('core loads dev-only packages only as bundle externals', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const devOnly = new Set(Object.keys(pkg.devDependencies).filter((name) => !(name in pkg.dependencies)));

  it('finds a planted value import of a dev package and ignores a type-only one', () => {
    const planted = devOnlyRuntimeImports(
      {
        'a.ts': "import type * as Vite from 'vite';\nexport const build = async () => (await import('vite')).build;\n",
        'b.ts': "import type { Plugin } from 'vite';\nimport { z } from 'zod';\n",
        'c.ts': "import { defineConfig } from 'electron-vite';\n",
      },
      new Set(['vite', 'electron-vite']),
    );
    expect(Object.fromEntries(planted)).toEqual({ vite: ['a.ts'], 'electron-vite': ['c.ts'] });
  });

  it('every dev package core imports at run time (vite, to build a missing renderer) is kept external by electron.vite.config.ts', () => {
    const used = devOnlyRuntimeImports(coreSources(), devOnly);
    // renderer-build.ts is the one such import today: a literal specifier the boundary checker can judge.
    expect(used.get('vite')).toEqual(['electron/core/host/renderer-build.ts']);
    const external = externalizedDevPackages();
    expect([...used.keys()].filter((name) => !external.includes(name))).toEqual([]);
  });
});
