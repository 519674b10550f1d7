import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from './create-core';
import { noPacing, noRateLimits } from './pipeline/policies';
import { syncQrDataUrl } from './sync/node-adapters';
import { gazetteerBuilt } from './text';

let core: Core | null = null;
let dir = '';
afterEach(async () => {
  await core?.close();
  core = null;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** The CommonJS packages this process has loaded so far (an ESM import of a CommonJS package lands here too). */
function loadedPackages(): Set<string> {
  const cache = createRequire(import.meta.url).cache;
  return new Set(
    Object.keys(cache).flatMap((file) => {
      const at = file.lastIndexOf(`node_modules${path.sep}`);
      if (at < 0) return [];
      const parts = file.slice(at + 'node_modules/'.length).split(path.sep);
      return [parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!];
    }),
  );
}

describe("core's start (issue 12: ready fast, small at idle)", () => {
  it('answers and accepts messages without building the gazetteer or loading date-fns and qrcode; each comes on first use', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-start-lazy-'));
    core = await createCore({ dataDir: dir, logFile: true, rateLimits: noRateLimits, pacing: noPacing, simulator: { fsync: false } });
    const ping = await core.app.dispatch('system/ping', {});
    expect(ping.ok).toBe(true);
    // The real packages are loaded (the check sees the cache), the lazy ones are not.
    const atStart = loadedPackages();
    expect(atStart.has('better-sqlite3')).toBe(true);
    expect(['date-fns', 'pino-roll', 'qrcode'].filter((p) => atStart.has(p))).toEqual([]);
    expect(gazetteerBuilt()).toBe(false);
    // The rolling log is open and written without pino-roll.
    core.ctx.logger.warn({}, 'start-lazy test line');

    // A customer naming a city builds the index; a pairing QR loads qrcode.
    const shop = await core.ctx.repos.shops.create({ name: 'Lazy', currency: 'DZD', now: new Date().toISOString() });
    core.ctx.testPhone.send(shop.id, '+213550001234', 'salam, livraison l wahran chhal?');
    await core.ctx.pipeline.drain();
    expect(gazetteerBuilt()).toBe(true);
    expect(await syncQrDataUrl('souqbot://pair/test')).toMatch(/^data:image\/png;base64,/);
    expect(loadedPackages().has('qrcode')).toBe(true);
    await core.close();
    core = null;
    const logs = fs.readdirSync(path.join(dir, 'logs'));
    expect(logs).toEqual(['core.1.log']);
    expect(fs.readFileSync(path.join(dir, 'logs', 'core.1.log'), 'utf8')).toContain('start-lazy test line');
  });
});
