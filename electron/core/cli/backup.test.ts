import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { call, makeTempCore } from '../test-utils/temp-core';
import { backupCommand, restoreCommand } from './backup';
import type { CliIo } from './io';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
const tmp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-cli-backup-'));
  dirs.push(dir);
  return dir;
};
const capture = (): CliIo & { out: string[] } => {
  const out: string[] = [];
  return { out, stdout: (line) => out.push(line), stderr: (line) => out.push(line) };
};

describe('souqbot backup / restore', () => {
  it('backs up a running data folder and restores it into a new one', async () => {
    const { core, dataDir, cleanup } = await makeTempCore();
    await call(core, 'shops/create', { name: 'Padaria Lisboa', currency: 'EUR' });
    const dest = tmp();
    const env = { SOUQ_BACKUP_PASSPHRASE: 'pastel de nata' };
    const io = capture();
    expect(await backupCommand(['--to', dest, '--data-dir', dataDir], io, env)).toBe(0);
    expect(io.out[0]).toMatch(/^Backup written: .*souqbot-backup-\d{8}T\d{6}Z \(database/);
    await cleanup();
    const folder = path.join(dest, fs.readdirSync(dest)[0] ?? '');
    const target = path.join(tmp(), 'restored');
    expect(await restoreCommand(['--from', folder, '--data-dir', target], io, env)).toBe(0);
    const restored = await makeTempCore({ dataDir: target });
    expect((await call<{ name: string }[]>(restored.core, 'shops/list', {})).map((s) => s.name)).toEqual(['Padaria Lisboa']);
    await restored.cleanup();
  });

  it('asks for the passphrase and the folders in plain words', async () => {
    await expect(backupCommand(['--data-dir', tmp()], capture(), {})).rejects.toThrow(/Usage: souqbot backup --to FOLDER/);
    await expect(backupCommand(['--to', tmp(), '--data-dir', tmp()], capture(), {})).rejects.toThrow(/no Souqbot data/);
    await expect(restoreCommand(['--from', tmp(), '--data-dir', tmp()], capture(), {})).rejects.toThrow(/SOUQ_BACKUP_PASSPHRASE/);
  });
});
