import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const STANDIN = 'electron/core/channels/whatsapp/test-utils/standin';

const sources = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full);
        return /\.(ts|tsx|mts|js|mjs)$/.test(e.name) ? [full] : [];
      })
    : [];

describe('the WhatsApp stand-in stays out of the app', () => {
  it('no shipped module imports it (only tests, bench and the stand-in itself may)', () => {
    const offenders = ['electron', 'shared', 'renderer']
      .flatMap((d) => sources(path.join(ROOT, d)))
      .map((file) => path.relative(ROOT, file).split(path.sep).join('/'))
      .filter((rel) => !rel.startsWith(STANDIN) && !/\.test\.tsx?$/.test(rel))
      .filter((rel) => /test-utils\/standin/.test(fs.readFileSync(path.join(ROOT, rel), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the check would notice an import', () => {
    expect(/test-utils\/standin/.test(`import { startStandin } from './test-utils/standin';`)).toBe(true);
  });
});
