import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeDeterministicBrain } from '../electron/core/test-utils/deterministic-brain';
import { createCore } from '../electron/core/create-core';
import { noPacing, noRateLimits } from '../electron/core/pipeline/policies';
import { percentile, round, sleep, tmpDir } from './lib/util';

export interface StartupBench {
  ready_ms: number;
  /** CPU time the process used until ready: what the wall time would be on an idle machine, less noisy under load. */
  ready_cpu_ms: number;
  idle_rss_mb: number;
  tsx_ready_ms: number;
  tsx_ready_cpu_ms: number;
  tsx_idle_rss_mb: number;
}

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);

/** An existing data folder: a shop, a test-phone conversation, some history. */
async function prepareDataDir(dir: string): Promise<void> {
  const core = await createCore({
    dataDir: dir,
    brain: makeDeterministicBrain(),
    rateLimits: noRateLimits,
    pacing: noPacing,
    simulator: { fsync: false },
  });
  const shop = await core.ctx.repos.shops.create({ name: 'Startup', currency: 'DZD', now: new Date().toISOString() });
  for (let i = 0; i < 50; i++) core.ctx.testPhone.send(shop.id, `+21355000${String(i % 10).padStart(4, '0')}`, `ch7al had sac ${i}`);
  await core.ctx.pipeline.drain();
  await core.close();
}

/** User + system CPU of a process so far (ms), from /proc (clock ticks of 10 ms on Linux). */
function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

/** Starts the server, times its "running" line, samples RSS after `idleMs`, stops it. */
async function once(command: string, args: string[], idleMs: number): Promise<{ readyMs: number; cpu: number; rss: number }> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, SOUQ_LOG_LEVEL: 'warn' } });
  try {
    let cpu = NaN;
    const readyMs = await new Promise<number>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (!out.includes('Souqbot is running')) return;
        const at = performance.now() - started;
        // Every process of the launch (tsx runs the server as a child of its launcher).
        cpu = processTree(child.pid!).reduce((n, pid) => n + cpuMs(pid), 0);
        resolve(at);
      });
      child.stderr.resume();
      child.on('exit', (code) => reject(new Error(`server exited (${code}) before it was ready`)));
    });
    await sleep(idleMs);
    // The measured process: under tsx the server is a child of the tsx launcher.
    const pid = deepestChild(child.pid!);
    return { readyMs, cpu, rss: rssMb(pid) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

function processTree(pid: number): number[] {
  const children = fs.existsSync(`/proc/${pid}/task/${pid}/children`)
    ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
    : '';
  return [
    pid,
    ...children
      .split(/\s+/)
      .filter(Boolean)
      .flatMap((c) => processTree(Number(c))),
  ];
}

function deepestChild(pid: number): number {
  const children = fs.existsSync(`/proc/${pid}/task/${pid}/children`)
    ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
    : '';
  const first = children.split(/\s+/).filter(Boolean)[0];
  return first ? deepestChild(Number(first)) : pid;
}

/** Core start on an existing data folder, bundled (out/main/server.js) and tsx-run (as start:web was). */
export async function run(opts: { runs?: number; idleMs?: number } = {}): Promise<StartupBench> {
  const runs = opts.runs ?? 3;
  const idleMs = opts.idleMs ?? 5_000;
  if (!fs.existsSync(path.join(root, 'out', 'renderer', 'index.html')))
    spawnSync(
      process.execPath,
      [path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
      { cwd: root, stdio: 'inherit' },
    );
  spawnSync(
    process.execPath,
    [
      path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
      'build',
      '--logLevel',
      'warn',
      '--ignoreConfigWarning',
    ],
    { cwd: root, stdio: 'inherit' },
  );
  const dir = tmpDir('startup');
  try {
    await prepareDataDir(dir);
    const measure = async (command: string, args: string[]) => {
      const ready: number[] = [];
      const cpu: number[] = [];
      const rss: number[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await once(command, [...args, '--port', '0', '--data-dir', dir], idleMs);
        ready.push(r.readyMs);
        cpu.push(r.cpu);
        rss.push(r.rss);
      }
      for (const list of [ready, cpu, rss]) list.sort((a, b) => a - b);
      return { ready: percentile(ready, 50), cpu: percentile(cpu, 50), rss: percentile(rss, 50) };
    };
    const bundled = await measure(process.execPath, [path.join(root, 'out', 'main', 'server.js')]);
    const tsx = await measure(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'electron', 'core', 'entry-server.ts')]);
    return {
      ready_ms: Math.round(bundled.ready),
      ready_cpu_ms: Math.round(bundled.cpu),
      idle_rss_mb: round(bundled.rss, 1),
      tsx_ready_ms: Math.round(tsx.ready),
      tsx_ready_cpu_ms: Math.round(tsx.cpu),
      tsx_idle_rss_mb: round(tsx.rss, 1),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
