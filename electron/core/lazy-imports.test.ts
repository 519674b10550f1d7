import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Specifiers a module loads when it is evaluated: static imports and re-exports, except
 * `import type` / `export type` (erased). `import { type A }` counts: under
 * verbatimModuleSyntax it still loads the module.
 */
export function staticImports(source: string): string[] {
  const found: string[] = [];
  const pattern = /(?:^|[\n;])\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/g;
  for (const match of source.matchAll(pattern)) found.push(match[1]!);
  return found;
}

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** Every package the entry loads before any dynamic import runs. */
function packagesLoadedAtStart(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(fs.readFileSync(file, 'utf8'))) {
      const local = resolveLocal(file, specifier);
      if (local) visit(local);
      else if (!specifier.startsWith('.') && !specifier.startsWith('node:'))
        packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!);
    }
  };
  visit(entry);
  return packages;
}

describe('start-up imports', () => {
  it('the headless server and the Electron core entry load neither Baileys, the openai SDK, sharp, qrcode, fflate nor pino-roll until first use', () => {
    // qrcode only when a number or a device is linked, fflate when diagnostics are exported; pino-roll (all of
    // date-fns, ~130 ms) not at all.
    const lazy = new Set(['@whiskeysockets/baileys', 'openai', 'sharp', 'qrcode', 'fflate', 'pino-roll', 'date-fns']);
    for (const entry of ['electron/core/entry-server.ts', 'electron/core/entry-utility.ts']) {
      const loaded = packagesLoadedAtStart(path.join(root, entry));
      expect(loaded.has('better-sqlite3')).toBe(true); // the walk does reach the store
      expect([...loaded].filter((p) => lazy.has(p))).toEqual([]);
    }
  });

  it('the scanner sees a static import, ignores type-only ones, and counts inline type imports', () => {
    expect(staticImports("import OpenAI from 'openai';\nimport type { X } from 'baileys-types';\nexport { a } from './a';")).toEqual([
      'openai',
      './a',
    ]);
    expect(staticImports("import {\n  type A,\n  type B,\n} from '@whiskeysockets/baileys';")).toEqual(['@whiskeysockets/baileys']);
    expect(staticImports("const m = await import('openai');")).toEqual([]);
  });
});
