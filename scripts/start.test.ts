import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const script = path.join(import.meta.dirname, 'start.mjs');
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs `npm start`'s script until stdout has `lines` lines (or it exits), then returns what it printed. */
function startUntil(env: NodeJS.ProcessEnv, lines: number): Promise<{ stdout: string; stderr: string; exitCode: number | null }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-start-'));
  dirs.push(dataDir);
  const child = spawn(process.execPath, [script, '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, ...env, SOUQ_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    const done = (exitCode: number | null) => resolve({ stdout, stderr, exitCode });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.split('\n').length > lines) done(null);
    });
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => done(code));
  });
}

describe('npm start without a usable Electron', () => {
  it('says why in one plain line and serves headless instead, with the same arguments', async () => {
    const { stdout, stderr, exitCode } = await startUntil({ SOUQ_NO_ELECTRON: '1' }, 2);
    expect(exitCode).toBeNull();
    const [first, second] = stdout.split('\n');
    expect(first).toBe('Electron is not available on this machine (SOUQ_NO_ELECTRON is set); starting the headless server instead.');
    expect(second).toMatch(/^Souqbot is running\. .*http:\/\/127\.0\.0\.1:(\d+)\/\?token=/);
    // --port 0 reached the server: it listens on a port the OS chose, not the default.
    expect(second).not.toContain(':4417/');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 120_000);

  it('names a missing binary as the reason, without a stack trace', async () => {
    const { stdout, stderr } = await startUntil(
      { ELECTRON_OVERRIDE_DIST_PATH: path.join(os.tmpdir(), 'no-electron-here'), SOUQ_NO_ELECTRON: '' },
      1,
    );
    expect(stdout.split('\n')[0]).toBe(
      'Electron is not available on this machine (its binary was not downloaded when npm installed it); starting the headless server instead.',
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
