#!/usr/bin/env node
// `npm start`: the desktop app when Electron can run here, else the headless server (same
// arguments: --port, --data-dir) after one plain line saying why. Never a stack trace for a
// missing binary: that is the normal state of a server or a CI box.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { headlessCommand } from './headless.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

/**
 * The Electron executable, or why there is none. Reads what `require('electron')` reads, without
 * calling it: that would try to download the binary (no internet here) before failing.
 */
function findElectron(env = process.env) {
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

/** Runs a child with our stdio, passing Ctrl-C / SIGTERM on, and exits with its code. */
function runAndExit(command, commandArgs) {
  const child = spawn(command, commandArgs, { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  child.on('error', (err) => {
    process.stderr.write(`Souqbot could not start: ${err.message}\n`);
    process.exit(1);
  });
}

function buildOrExit(label, cli, cliArgs) {
  const result = spawnSync(process.execPath, [cli, ...cliArgs], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`Souqbot could not start: the ${label} build failed (see above).\n`);
    process.exit(result.status ?? 1);
  }
}

const electron = findElectron();
if (electron.binary) {
  const bin = (pkg, file) => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'bin', file);
  buildOrExit('renderer', bin('vite', 'vite.js'), ['build', '--logLevel', 'warn']);
  buildOrExit('Electron', bin('electron-vite', 'electron-vite.js'), [
    'build',
    '--logLevel',
    'warn',
    '--ignoreConfigWarning',
  ]);
  runAndExit(electron.binary, [root, ...args]);
} else {
  process.stdout.write(`Electron is not available on this machine (${electron.reason}); starting the headless server instead.\n`);
  runAndExit(...headlessCommand(root, args));
}
