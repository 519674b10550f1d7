import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without types
import { bundleIsCurrent, headlessCommand } from './headless.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function fakeRoot(): { root: string; touch(file: string, ageSeconds: number): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-headless-'));
  dirs.push(root);
  const touch = (file: string, ageSeconds: number) => {
    const full = path.join(root, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    if (!fs.existsSync(full)) fs.writeFileSync(full, '');
    const at = new Date(Date.now() - ageSeconds * 1000);
    fs.utimesSync(full, at, at);
  };
  return { root, touch };
}

describe('the headless server command', () => {
  it('runs the bundle while it is newer than every source, and not once a source changed', () => {
    const { root, touch } = fakeRoot();
    touch('electron/core/create-core.ts', 60);
    touch('shared/contract/index.ts', 60);
    expect(bundleIsCurrent(root)).toBe(false); // never built
    touch('out/main/server.js', 30);
    expect(bundleIsCurrent(root)).toBe(true);
    const [, args] = headlessCommand(root, ['--port', '0']) as [string, string[]];
    expect(args).toEqual([path.join(root, 'out', 'main', 'server.js'), '--port', '0']);
    touch('shared/contract/index.ts', 0);
    expect(bundleIsCurrent(root)).toBe(false);
  });
});
