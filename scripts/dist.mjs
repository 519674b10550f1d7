#!/usr/bin/env node
// `npm run dist`: the installers of electron-builder.yml. Packaging needs Electron's binary and, to rebuild
// better-sqlite3 for Electron's ABI, its headers: both are downloads. Where the binary is missing this says so in one
// line and exits 1 before building anything (electron-builder's own failure is pages of stack).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectron } from './find-electron.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// A display is not needed to package, only the binary.
const electron = findElectron({ ...process.env, DISPLAY: process.env.DISPLAY ?? ':packaging' });
if (!electron.binary) {
  process.stderr.write(
    `Souqbot cannot be packaged on this machine: Electron is not usable (${electron.reason}); packaging needs internet for Electron's binary and headers.\n`,
  );
  process.exit(1);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit' }).status ?? 1;
const built = run(npm, ['run', '-s', 'build']);
if (built !== 0) process.exit(built);
process.exit(run(npm, ['exec', '--', 'electron-builder', ...process.argv.slice(2)]));
