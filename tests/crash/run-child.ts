import { spawn } from 'node:child_process';
import path from 'node:path';
import { bundleChild } from '../child-bundle';

const child = path.join(import.meta.dirname, 'crash-child.ts');
let bundled: string | null = null;

/** Bundles crash-child.ts once (the test file's beforeAll); returns the clean-up. Every runChild starts the bundle. */
export async function prepareChild(): Promise<() => void> {
  const bundle = await bundleChild(child);
  bundled = bundle.file;
  return () => {
    bundled = null;
    bundle.remove();
  };
}

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
  /** The last `acked N` the child printed, and whether it got to `fed` / `drained`. */
  acked: number;
  fed: boolean;
  drained: boolean;
  /** What the kill hit, for the test's log line. */
  killedAt: string | null;
}

/**
 * When to kill: never (run to the end), after the child acknowledged `acked` messages in this run,
 * or `afterFedMs` after it fed the last one (while it is still answering and sending). Kills only
 * ever come after the child's `ready` line: a kill before core started would prove nothing.
 */
export type Kill = { kind: 'none' } | { kind: 'acked'; acked: number } | { kind: 'fed'; afterMs: number };

export interface Stream {
  conversations: number;
  perConversation: number;
}

export function runChild(dataDir: string, stream: Stream, kill: Kill, env: Record<string, string> = {}): Promise<Run> {
  if (!bundled) throw new Error('runChild: call prepareChild() first (beforeAll)');
  const file = bundled;
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [file, dataDir, String(stream.conversations), String(stream.perConversation)], {
      env: { ...process.env, SOUQ_LOG_LEVEL: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const run: Run = { code: null, signal: null, stderr: '', acked: 0, fed: false, drained: false, killedAt: null };
    let ready = false;
    let buffered = '';
    const killNow = (what: string) => {
      if (run.killedAt || proc.exitCode !== null) return;
      run.killedAt = what;
      proc.kill('SIGKILL');
    };
    proc.stdout.on('data', (d: Buffer) => {
      buffered += d.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') ready = true;
        const acked = /^acked (\d+)$/.exec(line);
        if (acked) run.acked = Number(acked[1]);
        if (line === 'fed') run.fed = true;
        if (line === 'drained') run.drained = true;
        if (!ready) continue;
        if (kill.kind === 'acked' && acked && run.acked >= kill.acked) killNow(`after ${run.acked} acks`);
        if (kill.kind === 'fed' && line === 'fed') setTimeout(() => killNow(`${kill.afterMs} ms into draining`), kill.afterMs);
      }
    });
    proc.stderr.on('data', (d: Buffer) => (run.stderr += d.toString()));
    proc.on('exit', (code, signal) => {
      run.code = code;
      run.signal = signal;
      resolve(run);
    });
  });
}

/** Seeded so a failure can be replayed. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
