import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../ports';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const rendererOutDir = path.join(projectRoot, 'out', 'renderer');

/** The built renderer's folder, building it with the root vite.config.ts first if it is missing. */
export async function ensureRendererBuilt(logger: Logger, outDir = rendererOutDir): Promise<string> {
  if (fs.existsSync(path.join(outDir, 'index.html'))) return outDir;
  logger.info({ outDir }, 'renderer not built yet; building it (about 10 s, once)');
  const { build } = await import('vite');
  await build({ configFile: path.join(projectRoot, 'vite.config.ts'), logLevel: 'warn', build: { outDir } });
  return outDir;
}
