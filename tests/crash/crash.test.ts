import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { readRawLog } from '../../electron/core/channels/simulator/simulator-channel';
import type { CrashPoint } from '../../electron/core/pipeline/crash-points';

const CONVERSATIONS = 200;
const PER_CONVERSATION = 25; // 5,000 inbound messages
const child = path.join(import.meta.dirname, 'crash-child.ts');

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

function runChild(dataDir: string, env: Record<string, string>, killAfterMs?: number): Promise<Run> {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, dataDir, String(CONVERSATIONS), String(PER_CONVERSATION)], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = killAfterMs === undefined ? null : setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
    proc.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolve({ code, signal, stderr });
    });
  });
}

/** Seeded so a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('crash safety (kill -9 at every lifecycle step)', () => {
  it('loses no accepted message, answers them all, and never shows a reply twice', { timeout: 600_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-crash-'));
    const random = rng(20261123);
    const points: CrashPoint[] = ['after-accept', 'mid-decision', 'after-outbox-write', 'after-send'];
    const kills: string[] = [];
    for (const point of points) {
      // Early enough in each run that the step is always reached, late enough to be mid-stream.
      const nth = 50 + Math.floor(random() * 350);
      const run = await runChild(dataDir, { SOUQ_CRASH_AT: `${point}:${nth}` });
      expect(run.signal, `${point}:${nth} should kill the child (stderr: ${run.stderr.slice(-500)})`).toBe('SIGKILL');
      kills.push(`${point}:${nth}`);
    }
    for (let i = 0; i < 3; i++) {
      const after = 600 + Math.floor(random() * 1500);
      const run = await runChild(dataDir, {}, after);
      kills.push(run.signal === 'SIGKILL' ? `random@${after}ms` : `random@${after}ms (finished first)`);
    }
    const final = await runChild(dataDir, {});
    expect(final.code, final.stderr.slice(-2000)).toBe(0);

    const db = new SQLite(path.join(dataDir, 'souqbot.sqlite'), { readonly: true });
    const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    const total = CONVERSATIONS * PER_CONVERSATION;
    // Every accepted inbound message stored exactly once.
    expect(one("SELECT count(*) n FROM messages WHERE direction = 'in'")).toBe(total);
    expect(one("SELECT count(DISTINCT channel_message_id) n FROM messages WHERE direction = 'in'")).toBe(total);
    // ≥ 99 % answered (routing says all should be: AI on, nobody blocked).
    const replies = db.prepare("SELECT meta, channel_message_id, text, status FROM messages WHERE direction = 'out'").all() as {
      meta: string;
      channel_message_id: string;
      text: string;
      status: string;
    }[];
    const answered = new Set(replies.filter((r) => r.status === 'sent').flatMap((r) => (JSON.parse(r.meta) as { inReplyTo: number[] }).inReplyTo));
    expect(answered.size / total).toBeGreaterThanOrEqual(0.99);
    expect(one("SELECT count(*) n FROM inbound_queue WHERE state = 'pending'")).toBe(0);
    db.close();

    // The raw log: every attempt. A reply (unique text) must only ever have gone out under one id,
    // and the customer's view (one bubble per id) holds exactly one message per reply.
    const attempts = readRawLog(path.join(dataDir, 'simulator', 'raw-send-log.jsonl'));
    const idsByText = new Map<string, Set<string>>();
    for (const a of attempts) {
      const ids = idsByText.get(a.text) ?? new Set();
      ids.add(a.id);
      idsByText.set(a.text, ids);
    }
    const underTwoIds = [...idsByText.entries()].filter(([, ids]) => ids.size > 1);
    expect(underTwoIds).toEqual([]);
    const customerView = new Set(attempts.map((a) => a.id));
    expect(customerView.size).toBe(replies.length);
    expect(new Set(replies.map((r) => r.channel_message_id))).toEqual(customerView);
    const resent = attempts.length - customerView.size;
    process.stdout.write(`crash test: kills ${kills.join(', ')}; ${attempts.length} send attempts, ${resent} in-doubt re-sends under the same id\n`);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
