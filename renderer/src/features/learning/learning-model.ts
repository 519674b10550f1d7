import type { StrategyStat } from '../../../../shared/domain/learning';

/** A rate or bound as a whole percent with one decimal when small ("4.2 %", "12 %"). */
export function percent(value: number): string {
  const p = value * 100;
  return p < 10 ? p.toFixed(1) : Math.round(p).toString();
}

/** "new:fr" → { returning: false, language: 'fr' }. */
export function readSegment(segment: string): { returning: boolean; language: string } {
  const [kind, language = ''] = segment.split(':');
  return { returning: kind === 'returning', language };
}

/** Strategies grouped by segment, best observed rate first inside each. */
export function bySegment(stats: readonly StrategyStat[]): Array<{ segment: string; rows: StrategyStat[] }> {
  const groups = new Map<string, StrategyStat[]>();
  for (const s of stats) groups.set(s.segment, [...(groups.get(s.segment) ?? []), s]);
  return [...groups.entries()].map(([segment, rows]) => ({
    segment,
    rows: [...rows].sort((a, b) => b.rate - a.rate || b.tries - a.tries),
  }));
}

/** Progress of a learn-now pass, 0..100. */
export const progressPercent = (done: number, total: number): number =>
  total <= 0 ? 100 : Math.min(100, Math.round((done / total) * 100));
