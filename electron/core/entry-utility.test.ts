import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FromCoreMessage, ToCoreMessage } from '../../shared/contract/port-protocol';

/**
 * The bundled core (what Electron's utilityProcess runs) must load and serve outside Vite's dev
 * transforms: externals resolvable from node_modules, ESM output, the static migrations included.
 * Electron cannot run here, so a worker thread plays the utilityProcess: it provides
 * `process.parentPort` with Electron's shape ({ data } events) and imports out/main/core.js.
 */
const root = path.resolve(import.meta.dirname, '../..');
// Inside node_modules so the bundle's bare imports (better-sqlite3, pino, baileys) resolve.
const outDir = path.join(root, 'node_modules', '.cache', `souq-bundle-test-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-bundle-'));

const PARENT_PORT_SHIM = `
const { parentPort, workerData } = require('node:worker_threads');
const wrapped = new Map();
process.parentPort = {
  postMessage: (message) => parentPort.postMessage(message),
  on: (_event, listener) => { const w = (data) => listener({ data }); wrapped.set(listener, w); parentPort.on('message', w); },
  off: (_event, listener) => { parentPort.off('message', wrapped.get(listener)); wrapped.delete(listener); },
};
import(workerData.entry);
`;

beforeAll(() => {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build', '--outDir', outDir, '--logLevel', 'error', '--ignoreConfigWarning'], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`electron-vite build failed:\n${result.stdout}\n${result.stderr}`);
}, 120_000);

afterAll(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A bundle file and every local chunk it imports statically, concatenated. */
function bundleWithChunks(file: string, seen = new Set<string>()): string {
  if (seen.has(file)) return '';
  seen.add(file);
  const source = fs.readFileSync(file, 'utf8');
  const chunks = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*["'](\.[^"']+)["']/g)].map((m) =>
    path.resolve(path.dirname(file), m[1]!),
  );
  return [source, ...chunks.map((chunk) => bundleWithChunks(chunk, seen))].join('\n');
}

describe('the bundled core entry (out/main/core.js)', () => {
  it('builds main, core and a CommonJS preload that requires nothing but electron', () => {
    for (const file of ['main/index.js', 'main/core.js', 'preload/index.cjs'])
      expect(fs.existsSync(path.join(outDir, file)), file).toBe(true);
    const preload = fs.readFileSync(path.join(outDir, 'preload/index.cjs'), 'utf8');
    expect([...preload.matchAll(/require\((["'])([^"']+)\1\)/g)].map((m) => m[2])).toEqual(['electron']);
    // The core entry and the chunks it loads statically (it shares them with the headless server bundle).
    const core = bundleWithChunks(path.join(outDir, 'main/core.js'));
    expect(core).not.toMatch(/from ["']electron["']/);
    expect(core).toMatch(/from ["']better-sqlite3["']/);
    for (const file of ['main/core.js', 'main/server.js'])
      expect(bundleWithChunks(path.join(outDir, file))).not.toMatch(/from ["']@whiskeysockets\/baileys["']|from ["']openai["']/);
  });

  it('answers init → ready, a call → its result, shutdown → exit 0, over an Electron-shaped parent port', async () => {
    const worker = new Worker(PARENT_PORT_SHIM, {
      eval: true,
      workerData: { entry: pathToFileURL(path.join(outDir, 'main/core.js')).href },
    });
    const received: FromCoreMessage[] = [];
    const exited = new Promise<number>((resolve) => worker.on('exit', resolve));
    worker.on('message', (message: FromCoreMessage) => received.push(message));
    const next = async (check: (m: FromCoreMessage) => boolean) => {
      for (let i = 0; i < 1500; i++) {
        const found = received.find(check);
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      throw new Error(`no such message; got ${JSON.stringify(received)}`);
    };
    const send = (message: ToCoreMessage) => worker.postMessage(message);

    send({ type: 'init', dataDir });
    expect(await next((m) => m.type === 'ready' || m.type === 'fatal')).toMatchObject({ type: 'ready' });
    send({ type: 'call', id: 1, name: 'shops/create', input: { name: 'Bundled', currency: 'DZD' } });
    expect(await next((m) => m.type === 'result')).toMatchObject({ id: 1, envelope: { ok: true, value: { name: 'Bundled' } } });
    expect(await next((m) => m.type === 'event')).toMatchObject({ event: { name: 'shops/changed' } });
    send({ type: 'shutdown' });
    expect(await exited).toBe(0);
    // The rolling, size-capped log (core.1.log, core.2.log, …).
    expect(fs.readdirSync(path.join(dataDir, 'logs')).some((f) => /^core\.\d+\.log$/.test(f))).toBe(true);
  }, 60_000);
});
