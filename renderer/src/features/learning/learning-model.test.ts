import { describe, expect, it } from 'vitest';
import { bySegment, percent, progressPercent, readSegment } from './learning-model';

describe('learning page model', () => {
  it('formats rates, segments and progress', () => {
    expect(percent(0.042)).toBe('4.2');
    expect(percent(0.5)).toBe('50');
    expect(readSegment('returning:dz-latn')).toEqual({ returning: true, language: 'dz-latn' });
    expect(progressPercent(200, 400)).toBe(50);
    expect(progressPercent(0, 0)).toBe(100);
  });
  it('groups strategies by segment, best rate first', () => {
    const row = (segment: string, strategy: 'scarcity' | 'rational', tries: number, orders: number) => ({
      segment,
      strategy,
      tries,
      orders,
      rate: orders / tries,
      low: 0,
      high: 1,
    });
    const groups = bySegment([row('new:fr', 'scarcity', 10, 1), row('new:fr', 'rational', 10, 3), row('new:ar', 'rational', 5, 0)]);
    expect(groups.map((g) => [g.segment, g.rows.map((r) => r.strategy)])).toEqual([
      ['new:fr', ['rational', 'scarcity']],
      ['new:ar', ['rational']],
    ]);
  });
});
