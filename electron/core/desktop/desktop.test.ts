import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupStatus, PublicDesktopPrefs } from '../../../shared/desktop/desktop-prefs';
import { type Core } from '../create-core';
import { call, makeTempCore } from '../test-utils/temp-core';
import { BACKUP_JOB } from './backups';

const dirs: string[] = [];
const cleanups: (() => Promise<void>)[] = [];
const tmp = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `souq-${name}-`));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A core on a clock the test moves. */
async function core(start = '2026-12-01T10:00:00.000Z') {
  let now = new Date(start);
  const temp = await makeTempCore({ clock: { now: () => now } });
  cleanups.push(temp.cleanup);
  return { ...temp, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}
const update = (c: Core, patch: unknown) => call<PublicDesktopPrefs>(c, 'desktop/update-prefs', { patch });

describe('desktop preferences in core', () => {
  it('start from defaults, merge nested patches, persist, and announce each change', async () => {
    const { core: c } = await core();
    const defaults = await call<PublicDesktopPrefs>(c, 'desktop/get-prefs', {});
    expect(defaults).toMatchObject({ closeToTray: true, startAtLogin: false, updateChannel: 'stable', keepAwake: true, window: null });
    expect(defaults.notifications.kinds).toEqual({ human: true, order: true, disconnected: true, draft: true, paused: true, failed: true });
    const seen: PublicDesktopPrefs[] = [];
    c.bus.on('desktop/prefs-changed', (p) => seen.push(p));
    await update(c, { notifications: { kinds: { order: false } } });
    const after = await update(c, { notifications: { quietHours: { from: '22:00', to: '07:30' } }, updateChannel: 'beta' });
    expect(after.notifications).toEqual({
      kinds: { human: true, order: false, disconnected: true, draft: true, paused: true, failed: true },
      quietHours: { from: '22:00', to: '07:30' },
    });
    expect(after.updateChannel).toBe('beta');
    expect(seen.map((p) => p.notifications.kinds.order)).toEqual([false, false]);
    expect(await call(c, 'desktop/get-prefs', {})).toEqual(after);
  });

  it('refuses what is not a preference (a time of 25:00, an unknown field)', async () => {
    const { core: c } = await core();
    expect(
      await c.app.dispatch('desktop/update-prefs', { patch: { notifications: { quietHours: { from: '25:00', to: '07:00' } } } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await c.app.dispatch('desktop/update-prefs', { patch: { closeToTray: true, evil: 1 } })).toMatchObject({ ok: false });
  });

  it('keeps the backup passphrase write-only', async () => {
    const { core: c } = await core();
    const shown = await update(c, { backup: { passphrase: 'sel et poivre' } });
    expect(shown.backup.passphraseSet).toBe(true);
    expect(JSON.stringify(shown)).not.toContain('sel et poivre');
    expect((await update(c, { backup: { passphrase: '' } })).backup.passphraseSet).toBe(false);
  });
});

describe('backups from Settings', () => {
  it('says why it cannot back up before a folder and a passphrase are chosen', async () => {
    const { core: c, dataDir } = await core();
    expect(await call<BackupStatus>(c, 'desktop/run-backup', {})).toMatchObject({ lastResult: 'failed', lastError: 'no_folder' });
    await update(c, { backup: { folder: tmp('dest') } });
    expect(await call<BackupStatus>(c, 'desktop/run-backup', {})).toMatchObject({ lastResult: 'failed', lastError: 'no_passphrase' });
    await update(c, { backup: { folder: path.join(dataDir, 'backups'), passphrase: 'sel et poivre' } });
    expect(await call<BackupStatus>(c, 'desktop/run-backup', {})).toMatchObject({ lastResult: 'failed', lastError: 'inside_data_dir' });
  });

  it('"Back up now" writes a backup, keeps the last N and reports the time and result', async () => {
    const { core: c, advance } = await core();
    await call(c, 'shops/create', { name: 'Boutique Nour', currency: 'DZD' });
    const dest = tmp('dest');
    await update(c, { backup: { folder: dest, keep: 2, passphrase: 'sel et poivre' } });
    const done: BackupStatus[] = [];
    c.bus.on('desktop/backup-done', (s) => done.push(s));
    for (let i = 0; i < 3; i += 1) {
      const status = await call<BackupStatus>(c, 'desktop/run-backup', {});
      expect(status).toMatchObject({ lastResult: 'ok', lastError: null, lastAt: c.ctx.clock.now().toISOString() });
      advance(60_000);
    }
    const status = await call<BackupStatus>(c, 'desktop/get-backup-status', {});
    expect(status.backups).toHaveLength(2);
    expect(status.backups[0]).toBe(status.lastFolder);
    expect(fs.readdirSync(dest).filter((n) => n.startsWith('souqbot-backup-'))).toHaveLength(2);
    expect(done).toHaveLength(3);
  });

  it('runs daily as a scheduler job once set up, and not before', async () => {
    const { core: c, advance } = await core();
    const dest = tmp('dest');
    await c.learning.scheduler.runDue();
    expect((await call<BackupStatus>(c, 'desktop/get-backup-status', {})).lastAt).toBeNull();
    await update(c, { backup: { folder: dest, passphrase: 'sel et poivre' } });
    // Setting it up nudges the job: the first backup does not wait a day.
    await c.learning.scheduler.runDue();
    expect(fs.readdirSync(dest)).toHaveLength(1);
    advance(86_400_000 + 1000);
    await c.learning.scheduler.runDue();
    expect(fs.readdirSync(dest)).toHaveLength(2);
    await update(c, { backup: { daily: false } });
    advance(86_400_000 + 1000);
    await c.learning.scheduler.runDue();
    expect(fs.readdirSync(dest)).toHaveLength(2);
    expect(c.learning.scheduler.failures().filter((f) => f.kind === BACKUP_JOB)).toEqual([]);
  });

  it('a failing daily backup shows among the job failures (retried by the scheduler)', async () => {
    const { core: c } = await core();
    const dest = tmp('dest');
    await update(c, { backup: { folder: dest, passphrase: 'sel et poivre' } });
    fs.rmSync(dest, { recursive: true });
    fs.writeFileSync(dest, 'a file where the folder was');
    await c.learning.scheduler.runDue();
    const failures = c.learning.scheduler.failures().filter((f) => f.kind === BACKUP_JOB);
    expect(failures).toHaveLength(1);
    expect((await call<BackupStatus>(c, 'desktop/get-backup-status', {})).lastResult).toBe('failed');
  });

  it('restores into a new folder, never into the running one', async () => {
    const { core: c, dataDir } = await core();
    await call(c, 'shops/create', { name: 'Boutique Nour', currency: 'DZD' });
    await update(c, { backup: { folder: tmp('dest'), passphrase: 'sel et poivre' } });
    const { lastFolder } = await call<BackupStatus>(c, 'desktop/run-backup', {});
    const restore = (targetDir: string, passphrase = 'sel et poivre') =>
      c.app.dispatch('desktop/restore-backup', { backupDir: lastFolder, targetDir, passphrase });
    expect(await restore(dataDir)).toMatchObject({ ok: false, error: { code: 'conflict', message: 'restore_running' } });
    expect(await restore(path.join(tmp('x'), 'new'), 'wrong horse')).toMatchObject({
      ok: false,
      error: { message: 'restore_wrong_passphrase' },
    });
    const target = path.join(tmp('new'), 'data');
    expect(await restore(target)).toMatchObject({ ok: true, value: { targetDir: target } });
    const fresh = await makeTempCore({ dataDir: target });
    cleanups.push(fresh.cleanup);
    expect((await call<{ name: string }[]>(fresh.core, 'shops/list', {})).map((s) => s.name)).toEqual(['Boutique Nour']);
  });
});

describe('export diagnostics', () => {
  it('zips logs and settings, and no LLM key, token, passphrase or WhatsApp credential is in it', async () => {
    const { core: c, dataDir } = await core();
    const shop = await call<{ id: number }>(c, 'shops/create', { name: 'Boutique Nour', currency: 'DZD' });
    const KEY = 'sk-or-v1-SECRETSECRET0123456789abcdef';
    const ODD_KEY = 'my-llm-key-without-any-shape';
    await call(c, 'settings/update', { shopId: shop.id, patch: { llm: { baseUrl: 'https://openrouter.ai/api/v1', apiKey: ODD_KEY } } });
    await update(c, { backup: { passphrase: 'sel et poivre' } });
    const TOKEN = 'f3a9c1d2e4b5a6978877665544332211';
    const NOISE = 'AbCdEf0123456789AbCdEf0123456789AbCdEf01';
    fs.mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
    fs.writeFileSync(
      path.join(dataDir, 'logs', 'core.1.log'),
      [
        JSON.stringify({ level: 30, msg: 'llm request', headers: { authorization: `Bearer ${KEY}` } }),
        JSON.stringify({ level: 30, msg: `Open this address: http://127.0.0.1:4417/?token=${TOKEN}` }),
        JSON.stringify({ level: 40, msg: 'creds saved', creds: { noiseKey: { private: NOISE } } }),
        JSON.stringify({ level: 50, msg: `401 Incorrect API key provided: ${ODD_KEY}` }),
        JSON.stringify({ level: 30, msg: 'passphrase check', detail: 'sel et poivre' }),
        JSON.stringify({ level: 30, msg: 'order placed', orderId: 7 }),
      ].join('\n'),
    );
    const out = await call<{ fileName: string; savedTo: string; bytes: number; base64: string }>(c, 'desktop/export-diagnostics', {});
    const zip = Buffer.from(out.base64, 'base64');
    expect(fs.readFileSync(out.savedTo)).toEqual(zip);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(
      ['README.txt', 'desktop-prefs.json', 'info.json', 'jobs.json', 'logs/core.1.log', `settings/shop-${shop.id}.json`].sort(),
    );
    const text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    for (const secret of [KEY, ODD_KEY, TOKEN, NOISE, 'sel et poivre']) expect(text).not.toContain(secret);
    expect(zip.toString('latin1')).not.toContain(ODD_KEY);
    // What helps a bug report stays.
    expect(text).toContain('order placed');
    expect(strFromU8(files[`settings/shop-${shop.id}.json`]!)).toContain('openrouter.ai');
  });
});
