import { describe, expect, it } from 'vitest';
import { rng } from '../test-utils/synthetic-photos';
import { BYTE_INDEX_REACH, CHUNKS, candidatesOf, makeByteIndex } from './byte-index';

/** Skewed random hashes, like dHash on plain backgrounds: most bits lean to 0. */
function hashes(n: number, seed: number): Int32Array {
  const r = rng(seed);
  const out = new Int32Array(n * 4);
  for (let i = 0; i < out.length; i++) {
    let w = 0;
    for (let b = 0; b < 32; b++) if (r() < (b % 3 === 0 ? 0.5 : 0.2)) w |= 1 << b;
    out[i] = w;
  }
  return out;
}

const flip = (h: Int32Array, at: number, bits: number[]): Int32Array => {
  const q = h.slice(at, at + 4);
  for (const b of bits) q[b >>> 5] = q[b >>> 5]! ^ (1 << (b & 31));
  return q;
};

describe('byte index (multi-index over 16 groups of 8 bits)', () => {
  const n = 3000;
  const all = hashes(n, 7);
  const index = makeByteIndex(all, n);

  it('lists every entry within 15 bits of a query among its candidates, and far fewer than all entries', () => {
    const r = rng(11);
    let visited = 0;
    for (let q = 0; q < 300; q++) {
      const j = Math.floor(r() * n);
      const k = Math.floor(r() * (BYTE_INDEX_REACH + 1));
      const bits = new Set<number>();
      while (bits.size < k) bits.add(Math.floor(r() * 128));
      const found = candidatesOf(index, flip(all, j * 4, [...bits]));
      expect(found).toContain(j);
      visited += found.length;
    }
    expect(visited / 300).toBeLessThan(n / 3);
  });

  it('cannot promise 16 bits: one flipped bit in every group hides the entry (so looser thresholds scan everything)', () => {
    const bits = Array.from({ length: CHUNKS }, (_, g) => index.bits[g * 8]!);
    expect(candidatesOf(index, flip(all, 0, bits))).not.toContain(0);
  });
});
