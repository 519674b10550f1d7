// Run relay/src/main.ts as its own Node process (as in production), for the leak test and the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from './nats-server';

export interface RelayProcess {
  url: string;
  child: ChildProcess;
  /** resident set size now, MiB (Linux /proc) */
  rssMb(): number;
  /** CPU time used so far (user + system), ms (Linux /proc) */
  cpuMs(): number;
  stop(): Promise<void>;
}

export async function startRelayProcess(env: Record<string, string>, nodeArgs: string[] = []): Promise<RelayProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', ...nodeArgs, 'relay/src/main.ts'], {
    env: { ...process.env, RELAY_PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`relay did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out = (out + d.toString()).slice(-4000);
      if (out.includes('relay listening on')) {
        clearTimeout(timer);
        ok();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-4000)));
    child.once('exit', (code) => fail(new Error(`relay exited ${code}: ${out}`)));
  });
  return {
    url: `ws://127.0.0.1:${port}`,
    child,
    rssMb() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    cpuMs: () => processCpuMs(child.pid!),
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** utime + stime of a process, ms (fields 14 and 15 of /proc/<pid>/stat, in clock ticks of 10 ms on Linux). */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
