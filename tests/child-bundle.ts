import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Bundles a test's child script (TypeScript, importing core) into one ESM file and returns its path, for tests that
 * start the same child many times (the crash test starts 19). `node --import tsx child.ts` resolves and transforms
 * every core module on each start (about 5 s of CPU); the bundle loads in under half that, and esbuild (tsx's own
 * transformer) builds it once per test file in well under a second. Packages stay external and the bundle is written
 * inside node_modules/.cache, so better-sqlite3, Baileys and pino resolve from node_modules as they do under tsx, and
 * core's files that find the project root by walking up (host/renderer-build.ts) still find it.
 * Only for test children: a shipped entry (the CLI, the web server) is tested as it ships.
 */
export async function bundleChild(entry: string): Promise<{ file: string; remove(): void }> {
  const cache = path.join(root, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'souq-child-'));
  const file = path.join(dir, `${path.basename(entry, '.ts')}.mjs`);
  await build({
    entryPoints: [entry],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    // Bundled CommonJS dependencies (none today) would call require(): give the ESM bundle one.
    banner: { js: "import { createRequire as __souqRequire } from 'node:module'; const require = __souqRequire(import.meta.url);" },
  });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
