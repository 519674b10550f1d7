import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CrashPoint } from '../../electron/core/pipeline/crash-points';
import { type CrashReport, checkCrashRun } from './check-crash-run';
import { type Kill, type Stream, prepareChild, rng, runChild } from './run-child';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-crash-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});
// The 19 child starts share one bundle of the child: each start then loads in under half the CPU of tsx's.
let removeBundle = () => {};
beforeAll(async () => {
  removeBundle = await prepareChild();
});
afterAll(() => removeBundle());

const total = (s: Stream) => s.conversations * s.perConversation;
const clean = (r: CrashReport) => ({
  lost: r.lost,
  unanswered: r.unanswered,
  answeredTwice: r.answeredTwice,
  strays: r.strays,
  pending: r.pending,
});
const NOTHING_WRONG = { lost: [], unanswered: [], answeredTwice: [], strays: [], pending: 0 };

/**
 * Kills the child at each lifecycle step and at random points of the load (after `ready`, by
 * acknowledgements in this run, and while it drains), then lets one run finish. Returns what the
 * kills hit and the checker's report.
 */
async function crashRun(
  dataDir: string,
  stream: Stream,
  seed: number,
  opts: { points: CrashPoint[]; randomKills: number; env?: Record<string, string>; outboxCommits?: number },
) {
  const random = rng(seed);
  const hits: string[] = [];
  let remaining = total(stream);
  const kill = async (how: Kill) => {
    const run = await runChild(dataDir, stream, how, opts.env);
    hits.push(run.killedAt ?? 'finished before the kill');
    remaining -= run.acked;
  };
  // Kills while messages arrive, at a random acknowledgement of the run…
  for (let i = 0; i < opts.randomKills - 1; i++)
    await kill({ kind: 'acked', acked: 25 + Math.floor(random() * Math.min(400, remaining / 3)) });
  for (const point of opts.points) {
    // after-outbox-write is reached once per group commit (many turns), the others once per message.
    // With debounce on, a whole burst is one turn and a commit can hold them all: the first commits
    // are the only ones every run is sure to reach, however the machine's load groups them.
    const nth =
      point === 'after-outbox-write'
        ? 1 + Math.floor(random() * (opts.outboxCommits ?? 13))
        : 20 + Math.floor(random() * Math.min(300, remaining / 2));
    const run = await runChild(dataDir, stream, { kind: 'none' }, { ...opts.env, SOUQ_CRASH_AT: `${point}:${nth}` });
    expect(run.signal, `${point}:${nth} should kill the child (stderr: ${run.stderr.slice(-500)})`).toBe('SIGKILL');
    hits.push(`${point}:${nth}`);
    remaining -= run.acked;
  }
  // …and one while the last replies are being written and sent.
  await kill({ kind: 'fed', afterMs: Math.floor(random() * 150) });
  const final = await runChild(dataDir, stream, { kind: 'none' }, opts.env);
  expect(final.code, final.stderr.slice(-2000)).toBe(0);
  expect(final.drained).toBe(true);
  return { hits, report: checkCrashRun(dataDir) };
}

describe('crash safety (kill -9 at every lifecycle step and at random points of the load)', () => {
  it('loses no acknowledged message, answers every one, and never answers one twice', { timeout: 300_000 }, async () => {
    const stream = { conversations: 40, perConversation: 20 };
    const dataDir = tempDir();
    const { hits, report } = await crashRun(dataDir, stream, 20261201, {
      points: ['after-accept', 'mid-decision', 'after-outbox-write', 'after-send'],
      randomKills: 3,
    });
    expect(report.acked).toBe(total(stream));
    expect(report.stored).toBe(total(stream));
    expect(clean(report)).toEqual(NOTHING_WRONG);
    process.stdout.write(
      `crash test: kills ${hits.join(', ')}; ${report.attempts} send attempts, ${report.attempts - report.customerBubbles} in-doubt re-sends under the same id\n`,
    );
  });

  it('loses nothing acknowledged when killed just before a group commit of accepts', { timeout: 120_000 }, async () => {
    const stream = { conversations: 30, perConversation: 10 };
    const dataDir = tempDir();
    // The child feeds 25 at a time: the first of each 25 commits at once, the other 24 together. The
    // fourth commit is the second group's 24, written and not committed.
    const killed = await runChild(dataDir, stream, { kind: 'none' }, { SOUQ_CRASH_AT: 'before-accept-commit:4' });
    expect(killed.signal).toBe('SIGKILL');
    expect(killed.acked).toBe(25);
    const final = await runChild(dataDir, stream, { kind: 'none' });
    expect(final.drained).toBe(true);
    const report = checkCrashRun(dataDir);
    expect(report.stored).toBe(total(stream));
    expect(clean(report)).toEqual(NOTHING_WRONG);
  });

  it('holds with debounce and pacing on (bursts answered as a whole)', { timeout: 240_000 }, async () => {
    const stream = { conversations: 30, perConversation: 10 };
    const dataDir = tempDir();
    const { hits, report } = await crashRun(dataDir, stream, 7_2026, {
      points: ['after-outbox-write'],
      randomKills: 2,
      env: { SOUQ_CRASH_PACING: '1' },
      outboxCommits: 1,
    });
    expect(report.stored).toBe(total(stream));
    expect(clean(report)).toEqual(NOTHING_WRONG);
    // Debounce merged bursts: fewer replies than messages, and still every message answered.
    expect(report.customerBubbles).toBeLessThan(total(stream));
    process.stdout.write(
      `crash test (pacing on): kills ${hits.join(', ')}; ${report.customerBubbles} replies for ${report.stored} messages\n`,
    );
  });
});

describe('the crash checker can fail', () => {
  it('reports acknowledged messages lost when accept acknowledges before it writes', { timeout: 120_000 }, async () => {
    const stream = { conversations: 30, perConversation: 10 };
    const dataDir = tempDir();
    const env = { SOUQ_PLANT_BUG: 'late-write' };
    const killed = await runChild(dataDir, stream, { kind: 'acked', acked: 100 }, env);
    expect(killed.signal).toBe('SIGKILL');
    await runChild(dataDir, stream, { kind: 'none' }, env);
    const report = checkCrashRun(dataDir);
    expect(report.lost.length).toBeGreaterThan(0);
    expect(report.acked).toBe(total(stream));
  });

  it('reports the lost batch when the channel acknowledges before the commit that holds it', { timeout: 120_000 }, async () => {
    const stream = { conversations: 30, perConversation: 10 };
    const dataDir = tempDir();
    // Killed just before the second group's batched commit: its 24 were acknowledged, never stored.
    const env = { SOUQ_PLANT_BUG: 'early-ack' };
    const killed = await runChild(dataDir, stream, { kind: 'none' }, { ...env, SOUQ_CRASH_AT: 'before-accept-commit:4' });
    expect(killed.signal).toBe('SIGKILL');
    await runChild(dataDir, stream, { kind: 'none' }, env);
    const report = checkCrashRun(dataDir);
    expect(report.lost).toHaveLength(24);
    expect(report.acked).toBe(total(stream));
  });

  it('reports messages answered twice when a turn marks them answered apart from committing its reply', { timeout: 120_000 }, async () => {
    const stream = { conversations: 30, perConversation: 10 };
    const dataDir = tempDir();
    const env = { SOUQ_PLANT_BUG: 'finish-apart' };
    // Killed right after a group commit of replies: their messages still wait, so the restart answers them again.
    const killed = await runChild(dataDir, stream, { kind: 'none' }, { ...env, SOUQ_CRASH_AT: 'after-outbox-write:2' });
    expect(killed.signal).toBe('SIGKILL');
    await runChild(dataDir, stream, { kind: 'none' }, env);
    const report = checkCrashRun(dataDir);
    expect(report.answeredTwice.length).toBeGreaterThan(0);
    expect(report.lost).toEqual([]);
  });

  it('reports unanswered messages when every 120th turn is silently dropped', { timeout: 120_000 }, async () => {
    const stream = { conversations: 30, perConversation: 10 };
    const dataDir = tempDir();
    await runChild(dataDir, stream, { kind: 'none' }, { SOUQ_PLANT_BUG: 'drop-120th' });
    const report = checkCrashRun(dataDir);
    expect(report.unanswered).toHaveLength(2); // turns 120 and 240 of 300
    expect(report.lost).toEqual([]);
  });
});
