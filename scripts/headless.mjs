// The headless server's command: the bundled core (out/main/server.js) when it is current —
// it is ready in a fraction of the time tsx needs to compile the sources — rebuilt first when a
// source is newer, and the tsx-run sources only if that build fails.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Inputs of the core bundle: a change to any of them makes out/main/server.js stale. */
const SOURCES = ['electron/core', 'electron/main', 'shared', 'package.json', 'package-lock.json', 'electron.vite.config.ts'];

function newestMtime(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, name)));
  return newest;
}

/** Whether the bundle exists and is newer than every source it is built from. */
export function bundleIsCurrent(root) {
  const bundle = path.join(root, 'out', 'main', 'server.js');
  if (!fs.existsSync(bundle)) return false;
  const built = fs.statSync(bundle).mtimeMs;
  return SOURCES.every((source) => newestMtime(path.join(root, source)) <= built);
}

function build(root) {
  const cli = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  process.stderr.write('Building Souqbot (a few seconds, once after each update)…\n');
  // stdout stays the one line that says where to open the app.
  const result = spawnSync(process.execPath, [cli, 'build', '--logLevel', 'warn', '--ignoreConfigWarning'], {
    cwd: root,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  return result.status === 0 && fs.existsSync(path.join(root, 'out', 'main', 'server.js'));
}

/** [command, args] that run the headless server with `args`. */
export function headlessCommand(root, args) {
  if (!process.env.SOUQ_FROM_SOURCES && (bundleIsCurrent(root) || build(root)))
    return [process.execPath, [path.join(root, 'out', 'main', 'server.js'), ...args]];
  return [process.execPath, [require.resolve('tsx/cli'), path.join(root, 'electron', 'core', 'entry-server.ts'), ...args]];
}
