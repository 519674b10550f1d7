import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIXTURE_ZONE, seedAnalyticsFixture } from '../test-utils/analytics-fixture';
import { parseCsv } from '../catalog/import/csv';
import { DATABASE_FILE } from '../create-core';
import { openDatabase } from '../database';
import { makeSettingsRepo } from '../settings/settings-repo';
import { exportCommand } from './export';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function fixtureDataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-export-'));
  dirs.push(dir);
  const store = await openDatabase({ file: path.join(dir, DATABASE_FILE) });
  store.sqlite.exec("INSERT INTO shops (name, currency, created_at) VALUES ('Paris', 'EUR', 'now'), ('Other', 'DZD', 'now')");
  await makeSettingsRepo(store.db).update(1, { facts: { timeZone: FIXTURE_ZONE } }, 'now');
  seedAnalyticsFixture(store.sqlite, 1, 2);
  await store.close();
  return dir;
}

const run = async (argv: string[], now = new Date('2026-03-30T12:00:00Z')) => {
  const err: string[] = [];
  const code = await exportCommand(argv, { stdout: () => {}, stderr: (l) => err.push(l) }, () => now);
  return { code, err };
};

describe('souqbot export', () => {
  it("writes the orders of a period in the shop's time zone as a CSV with a BOM", async () => {
    const dataDir = await fixtureDataDir();
    const out = path.join(dataDir, 'orders.csv');
    const { code, err } = await run(['orders', '--from', '2026-03-28', '--to', '2026-03-30', '--data-dir', dataDir, '--out', out]);
    expect(code).toBe(0);
    expect(err).toEqual([`4 orders rows from 2026-03-28 to 2026-03-30 (Europe/Paris) written to ${out}`]);
    const bytes = fs.readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = parseCsv(bytes.toString('utf8').slice(1));
    expect(parsed.records.map((r) => r.cells[0])).toEqual(['5', '1', '2', '3']);
  });

  it("defaults to the last 30 days ending today in the shop's zone, named like the page's download", async () => {
    const dataDir = await fixtureDataDir();
    const cwd = process.cwd();
    process.chdir(dataDir);
    try {
      const { err } = await run(['metrics', '--data-dir', dataDir]);
      expect(err[0]).toMatch(
        /rows from 2026-03-01 to 2026-03-30 \(Europe\/Paris\) written to souqbot-metrics-2026-03-01-to-2026-03-30\.csv$/,
      );
      expect(fs.readFileSync(path.join(dataDir, 'souqbot-metrics-2026-03-01-to-2026-03-30.csv'), 'utf8')).toContain(
        'kpis,2026-03-01..2026-03-30,revenue,10500',
      );
    } finally {
      process.chdir(cwd);
    }
  });

  it('refuses an unknown kind, a bad day, a backwards period or a missing data folder in plain words', async () => {
    const dataDir = await fixtureDataDir();
    await expect(run(['sales', '--data-dir', dataDir])).rejects.toThrow(/Usage: souqbot export orders\|conversations/);
    await expect(run(['orders', '--from', '28/03/2026', '--data-dir', dataDir])).rejects.toThrow(/YYYY-MM-DD/);
    await expect(run(['orders', '--from', '2026-03-30', '--to', '2026-03-01', '--data-dir', dataDir])).rejects.toThrow(/before it starts/);
    await expect(run(['orders', '--data-dir', path.join(dataDir, 'nowhere')])).rejects.toThrow(/No Souqbot data/);
    await expect(run(['orders', '--shop', '9', '--data-dir', dataDir])).rejects.toThrow(/No shop 9/);
  });
});
