import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeFileLogger, parseLogSize } from './log-files';

let dir = '';
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the rolling log', () => {
  it('caps what a turn failing in a loop can write: files roll at the size and old ones go', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-logs-'));
    const { logger, close } = await makeFileLogger(dir, { size: '20k', files: 2 });
    const err = new Error('page 4 of the catalog is corrupt');
    // A stuck turn fails asynchronously (the scheduler awaits each try): batches with the event loop turning between them.
    for (let batch = 0; batch < 150; batch++) {
      for (let i = 0; i < 20; i++) logger.error({ err, conversationId: batch }, 'turn failed; it will be retried after a pause');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    close();
    const files = fs.readdirSync(path.join(dir, 'logs'));
    const total = files.reduce((n, f) => n + fs.statSync(path.join(dir, 'logs', f)).size, 0);
    // ~1.3 MB was logged; at most 3 files of ~20 kB (plus one batch of overshoot each) remain.
    expect(files.length).toBeLessThanOrEqual(3);
    expect(total).toBeLessThan(120_000);
    expect(fs.statSync(path.join(dir, 'logs')).mode & 0o777).toBe(0o700);
  });

  it('continues the highest-numbered file of an earlier run (as pino-roll did), and reads sizes as pino-roll did', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-logs-'));
    fs.mkdirSync(path.join(dir, 'logs'));
    fs.writeFileSync(path.join(dir, 'logs', 'core.3.log'), '{"msg":"yesterday"}\n');
    fs.writeFileSync(path.join(dir, 'logs', 'core.2.log'), '{"msg":"the day before"}\n');
    const { logger, close } = await makeFileLogger(dir, { size: '5m', files: 5 });
    logger.warn({}, 'today');
    await new Promise((resolve) => setTimeout(resolve, 50));
    close();
    expect(fs.readdirSync(path.join(dir, 'logs')).sort()).toEqual(['core.2.log', 'core.3.log']);
    const text = fs.readFileSync(path.join(dir, 'logs', 'core.3.log'), 'utf8');
    expect(text).toContain('yesterday');
    expect(text).toContain('today');
    expect([parseLogSize('20k'), parseLogSize('5m'), parseLogSize('1g'), parseLogSize('2')]).toEqual([
      20_480,
      5 * 1024 ** 2,
      1024 ** 3,
      2 * 1024 ** 2,
    ]);
    expect(() => parseLogSize('five')).toThrow();
  });
});
