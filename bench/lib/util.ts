import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const tmpDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `souq-bench-${name}-`));
export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
export const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `--name value` from the bench command line (e.g. `--minutes 5`), as a number. */
export function numberArg(name: string, fallback: number, argv: readonly string[] = process.argv): number {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Least-squares slope of y over x. */
export function slope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}
