import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'out', 'renderer');
const SOURCES = ['renderer', 'shared', 'vite.config.ts'];

/** Newest modification time under the renderer's inputs. */
function newestSource(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) {
    if (child === 'node_modules') continue;
    newest = Math.max(newest, newestSource(path.join(entry, child)));
  }
  return newest;
}

function builtAt(): number {
  try {
    return fs.statSync(path.join(outDir, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
}

/**
 * Builds the renderer once for the browser tests (vite, the root config, into out/renderer).
 * Skipped when the build is newer than every source, or when SOUQ_SKIP_RENDERER_BUILD=1.
 * Builds into a temporary folder then swaps it in, so a server reading out/renderer never
 * sees it half-written.
 */
export default async function setup(): Promise<void> {
  if (process.env.SOUQ_SKIP_RENDERER_BUILD === '1') return;
  const sources = Math.max(...SOURCES.map((s) => newestSource(path.join(root, s))));
  if (builtAt() > sources) return;
  const { build } = await import('vite');
  const tmp = `${outDir}.tmp-${process.pid}`;
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir: tmp, emptyOutDir: true } });
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.renameSync(tmp, outDir);
}
