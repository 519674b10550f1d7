import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('npm run start:web', () => {
  it('prints one plain line with the address to open, and that address opens the app', { timeout: 90_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-web-'));
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/core/entry-server.ts'), '--port', '0'], {
      cwd: root,
      env: { ...process.env, SOUQ_DATA_DIR: dataDir, SOUQ_LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const started = Date.now();
      const line = await new Promise<string>((resolve, reject) => {
        let out = '';
        proc.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          if (out.includes('\n')) resolve(out);
        });
        proc.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      process.stdout.write(`start:web ready in ${Date.now() - started} ms\n`);
      expect(line).toMatch(/^Souqbot is running\. Open this address in your browser: http:\/\/127\.0\.0\.1:\d+\/\?token=[a-f0-9]{48}\n$/);
      expect(line.includes('\u001b[')).toBe(false); // no colour codes
      const url = line.trim().split(' ').at(-1)!;
      const token = fs.readFileSync(path.join(dataDir, 'server-token'), 'utf8').trim();
      expect(url.endsWith(token)).toBe(true);
      const trade = await fetch(url, { redirect: 'manual' });
      expect(trade.status).toBe(302);
      const cookie = String(trade.headers.get('set-cookie')).split(';')[0]!;
      const page = await fetch(new URL('/', url), { headers: { cookie } });
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<div id="root">/);

      // A second server on the same folder: one plain line saying where the first runs, non-zero exit.
      const second = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'electron/core/entry-server.ts'), '--port', '0'], {
        cwd: root,
        env: { ...process.env, SOUQ_DATA_DIR: dataDir, SOUQ_LOG_LEVEL: 'silent' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let err = '';
      second.stderr.on('data', (d: Buffer) => (err += d.toString()));
      const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
      expect(code).toBe(1);
      const origin = new URL(url).origin;
      expect(err).toBe(
        `Souqbot is already running on this data folder: ${dataDir} (process ${proc.pid}, ${origin}/). Close it first, or start this one with another --data-dir.\n`,
      );
    } finally {
      proc.kill('SIGTERM');
      await new Promise((resolve) => proc.on('exit', resolve));
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
