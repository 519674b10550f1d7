// Where Electron's executable is, or why there is none (`npm start`, `npm run dist`, `npm run smoke:electron`).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The Electron executable, or why there is none. Reads what `require('electron')` reads, without
 * calling it: that would try to download the binary (no internet here) before failing.
 */
export function findElectron(env = process.env) {
  if (env.SOUQ_NO_ELECTRON) return { reason: 'SOUQ_NO_ELECTRON is set' };
  let pkgDir;
  try {
    pkgDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  let relative = '';
  try {
    relative = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    // No path.txt: the binary was never downloaded.
  }
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative && path.join(pkgDir, 'dist', relative);
  if (!binary || !fs.existsSync(binary)) return { reason: 'its binary was not downloaded when npm installed it' };
  if (process.platform === 'linux' && !env.DISPLAY && !env.WAYLAND_DISPLAY) return { reason: 'there is no graphical display' };
  return { binary };
}
