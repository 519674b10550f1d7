import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../create-core';
import { makeDeterministicBrain } from '../test-utils/deterministic-brain';
import { startFailureLine } from '../start-failure';
import { DataDirLockedError, lockDataDir } from '../store/data-dir-lock';
import { StoreDamagedError } from '../store/open-database';
import { PortBusyError, listenOnFreePort } from './free-port';
import { LEGACY_SECRETS_FILE, SEALED_SECRETS_FILE, makeSealedSecretStore } from './sealed-secret-store';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-folder-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const open = (dataDir: string) => createCore({ dataDir, brain: makeDeterministicBrain(), simulator: { fsync: false, receipts: false } });

describe('one core per data folder', () => {
  it('refuses a second core on the same folder in one plain line naming the folder, then allows it once the first closed', async () => {
    const dataDir = tempDir();
    const first = await open(dataDir);
    first.announce('http://127.0.0.1:4417/');
    const refused = await open(dataDir).then(
      () => null,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(DataDirLockedError);
    const line = startFailureLine(refused);
    expect(line).toContain(dataDir);
    expect(line).toContain(`process ${process.pid}`);
    expect(line).toContain('http://127.0.0.1:4417/');
    expect(line).not.toContain('\n');
    await first.close();
    const again = await open(dataDir);
    await again.close();
  });

  it('holds across processes, and a killed holder leaves no stale lock', async () => {
    const dataDir = tempDir();
    const holder = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `
      const { lockDataDir } = await import(${JSON.stringify(path.join(import.meta.dirname, '../store/data-dir-lock.ts'))});
      lockDataDir(${JSON.stringify(dataDir)});
      process.stdout.write('locked\\n');
      setInterval(() => {}, 1000);`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) => holder.stdout.on('data', (d: Buffer) => d.toString().includes('locked') && resolve()));
    expect(() => lockDataDir(dataDir)).toThrow(`process ${holder.pid}`);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    lockDataDir(dataDir).release();
  });
});

describe('data at rest', () => {
  it('keeps the folder 0700 and the database, WAL and key files 0600, tightening an older 0755/0644 folder', async () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, 'souqbot.sqlite'), '');
    fs.chmodSync(path.join(dataDir, 'souqbot.sqlite'), 0o644);
    const core = await open(dataDir);
    core.ctx.store.sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('Dar Nour', 'MAD', '2026-01-01')").run();
    expect(modeOf(dataDir)).toBe(0o700);
    for (const name of ['souqbot.sqlite', 'souqbot.sqlite-wal', 'souqbot.sqlite-shm', 'whatsapp.key', 'souqbot.lock']) {
      expect(modeOf(path.join(dataDir, name)), name).toBe(0o600);
    }
    await core.ctx.secrets.set('llm:1', 'sk-or-v1-PLAINTEXT-NEVER');
    expect(modeOf(path.join(dataDir, SEALED_SECRETS_FILE))).toBe(0o600);
    await core.close();
  });

  it('seals the LLM key with the WhatsApp key: not readable in the file, not readable with another key', async () => {
    const dataDir = tempDir();
    const key = Buffer.alloc(32, 7);
    // An older version's plain file is sealed and removed on first start.
    fs.writeFileSync(path.join(dataDir, LEGACY_SECRETS_FILE), JSON.stringify({ 'llm:1': 'sk-live-OLD-PLAIN-KEY' }));
    const store = makeSealedSecretStore({ dataDir, key });
    expect(fs.existsSync(path.join(dataDir, LEGACY_SECRETS_FILE))).toBe(false);
    expect(await store.get('llm:1')).toBe('sk-live-OLD-PLAIN-KEY');
    await store.set('llm:2', 'sk-proj-NEW-KEY-123');
    const onDisk = fs.readFileSync(path.join(dataDir, SEALED_SECRETS_FILE), 'utf8');
    expect(onDisk).not.toContain('OLD-PLAIN');
    expect(onDisk).not.toContain('NEW-KEY');
    expect(await makeSealedSecretStore({ dataDir, key: Buffer.alloc(32, 8) }).get('llm:2')).toBeNull();
    // A value moved under another name does not open.
    const sealed = JSON.parse(onDisk) as Record<string, string>;
    fs.writeFileSync(path.join(dataDir, SEALED_SECRETS_FILE), JSON.stringify({ 'llm:1': sealed['llm:2'] }));
    expect(await store.get('llm:1')).toBeNull();
  });
});

describe('starting on a damaged or busy machine', () => {
  it('refuses a damaged database with the recovery path, leaving the file as it was', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'souqbot.sqlite');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\u0000'), Buffer.alloc(4096, 0xab)]));
    const before = fs.readFileSync(file);
    const err = await open(dataDir).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StoreDamagedError);
    expect(startFailureLine(err)).toMatch(/damaged.*recover --data-dir/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // The lock was let go: once repaired, it starts.
    fs.rmSync(file);
    await (await open(dataDir)).close();
  });

  it('takes the next free port when the default one is busy, and says so plainly when none is', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as net.AddressInfo).port;
    const listen = (port: number) =>
      new Promise<number>((resolve, reject) => {
        if (port === busy) reject(Object.assign(new Error('listen EADDRINUSE'), { code: 'EADDRINUSE' }));
        else resolve(port);
      });
    expect(await listenOnFreePort(listen, busy, 20)).toBe(busy + 1);
    const err = await listenOnFreePort(listen, busy, 0).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(PortBusyError);
    expect(startFailureLine(err)).toBe(
      `Port ${busy} is in use by another program. Start Souqbot with another --port N, or close that program.`,
    );
    blocker.close();
  });
});
