#!/usr/bin/env node
// `npm start`: the desktop app when Electron can run here, else the headless server (same
// arguments: --port, --data-dir) after one plain line saying why. Never a stack trace for a
// missing binary: that is the normal state of a server or a CI box.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './find-electron.mjs';
import { headlessCommand } from './headless.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);

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
  buildOrExit('Electron', bin('electron-vite', 'electron-vite.js'), ['build', '--logLevel', 'warn', '--ignoreConfigWarning']);
  runAndExit(electron.binary, [root, ...args]);
} else {
  process.stdout.write(`Electron is not available on this machine (${electron.reason}); starting the headless server instead.\n`);
  runAndExit(...headlessCommand(root, args));
}
