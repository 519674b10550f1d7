import { type Integral, type Rect, boxMean } from './gray';

/**
 * A 128-bit difference hash of one rectangle: 64 bits comparing horizontal neighbours on a 9×8
 * grid of cell means, 64 comparing vertical neighbours on 8×9. Differences, not levels, so
 * brightness, contrast and JPEG recompression barely move it; cell means, so any scale does.
 * Four 32-bit words (an Int32Array slice in the matcher's flat index; same bits, faster arithmetic).
 */
export const HASH_WORDS = 4;
export const HASH_BITS = HASH_WORDS * 32;

/** Cells flatter than this (grey levels, max − min of the grid) carry no shape: a blank bar, a solid fill. */
const MIN_CONTRAST = 12;

export function dhashRect(ii: Integral, r: Rect, out: Int32Array = new Int32Array(HASH_WORDS), at = 0): Int32Array | null {
  const h = grid(ii, r, 9, 8);
  const v = grid(ii, r, 8, 9);
  let lo = 255;
  let hi = 0;
  for (const m of h) {
    if (m < lo) lo = m;
    if (m > hi) hi = m;
  }
  if (hi - lo < MIN_CONTRAST) return null;
  for (let i = 0; i < HASH_WORDS; i++) out[at + i] = 0;
  const set = (bit: number) => {
    const w = at + (bit >>> 5);
    out[w] = out[w]! | (1 << (bit & 31));
  };
  let bit = 0;
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++, bit++) if (h[y * 9 + x]! < h[y * 9 + x + 1]!) set(bit);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++, bit++) if (v[y * 8 + x]! < v[(y + 1) * 8 + x]!) set(bit);
  return out;
}

function grid(ii: Integral, r: Rect, cols: number, rows: number): Float64Array {
  const out = new Float64Array(cols * rows);
  for (let y = 0; y < rows; y++) {
    const y0 = Math.floor(r.y + (r.h * y) / rows);
    const y1 = Math.max(y0 + 1, Math.floor(r.y + (r.h * (y + 1)) / rows));
    for (let x = 0; x < cols; x++) {
      const x0 = Math.floor(r.x + (r.w * x) / cols);
      const x1 = Math.max(x0 + 1, Math.floor(r.x + (r.w * (x + 1)) / cols));
      out[y * cols + x] = boxMean(ii, x0, y0, Math.min(x1, ii.width), Math.min(y1, ii.height));
    }
  }
  return out;
}

export const toHex = (h: Int32Array, at = 0): string =>
  Array.from(h.subarray(at, at + HASH_WORDS), (w) => (w >>> 0).toString(16).padStart(8, '0')).join('');

export function fromHex(hex: string, out: Int32Array, at: number): boolean {
  if (!/^[0-9a-f]{32}$/.test(hex)) return false;
  for (let i = 0; i < HASH_WORDS; i++) out[at + i] = Number.parseInt(hex.slice(i * 8, i * 8 + 8), 16) | 0;
  return true;
}
