import type * as Vite from 'vite';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../ports';

/** The folder holding package.json above this file: the same from the sources and from the out/main bundle. */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return from;
  }
}

const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const rendererOutDir = path.join(projectRoot, 'out', 'renderer');

/** The built renderer's folder, building it with the root vite.config.ts first if it is missing. */
export async function ensureRendererBuilt(logger: Logger, outDir = rendererOutDir): Promise<string> {
  if (fs.existsSync(path.join(outDir, 'index.html'))) return outDir;
  logger.info({ outDir }, 'renderer not built yet; building it (about 10 s, once)');
  // Only a source checkout gets here (a packaged app ships out/renderer, and no vite). The bundler keeps this import
  // external (electron.vite.config.ts lists vite with externalizeDeps), so vite is loaded from node_modules, not inlined.
  const { build } = (await import('vite')) as typeof Vite;
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir } });
  return outDir;
}
