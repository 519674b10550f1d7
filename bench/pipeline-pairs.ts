/**
 * Pipeline vs raw SQLite in back-to-back pairs: CPU time per message of each timed loop
 * (process.cpuUsage) as well as the wall rate; on a shared machine CPU time is the steadier figure.
 * Run: `npx tsx bench/pipeline-pairs.ts [pairs] [messages]`.
 */
import { rawInsert, throughput } from './pipeline';

const round = (n: number) => Math.round(n * 1000) / 1000;

async function main(): Promise<void> {
  const pairs = Number(process.argv[2] ?? 3);
  const messages = Number(process.argv[3] ?? 10_000);
  for (let p = 0; p < pairs; p++) {
    const pipe = await throughput(100, 100, messages);
    const raw = await rawInsert(messages);
    console.log(
      JSON.stringify({
        pipeline_per_s: Math.round(pipe.perSecond),
        raw_per_s: Math.round(raw.perSecond),
        ratio: round(pipe.perSecond / raw.perSecond),
        pipeline_cpu_us_per_msg: Math.round((pipe.cpuMs * 1000) / messages),
        raw_cpu_us_per_msg: Math.round((raw.cpuMs * 1000) / messages),
        cpu_ratio: round(raw.cpuMs / pipe.cpuMs),
      }),
    );
  }
}

void main();
