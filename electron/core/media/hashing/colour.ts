import { type Integral, type Rect, boxMean } from './gray';

/**
 * A colour signature: mean R, G, B of a 3×3 grid over a rectangle (27 bytes). dHash reads only
 * luminance, so a red bag and a green one of the same shape hash alike; the matcher accepts a
 * dHash candidate only when its colours agree too. Scaling and JPEG recompression barely move
 * cell means.
 */
export const COLOUR_BYTES = 27;

export function colourRect(ci: readonly [Integral, Integral, Integral], r: Rect, out: Uint8Array, at = 0): Uint8Array {
  let k = at;
  for (let y = 0; y < 3; y++) {
    const y0 = Math.floor(r.y + (r.h * y) / 3);
    const y1 = Math.max(y0 + 1, Math.floor(r.y + (r.h * (y + 1)) / 3));
    for (let x = 0; x < 3; x++) {
      const x0 = Math.floor(r.x + (r.w * x) / 3);
      const x1 = Math.max(x0 + 1, Math.floor(r.x + (r.w * (x + 1)) / 3));
      for (const c of ci) out[k++] = Math.round(boxMean(c, x0, y0, Math.min(x1, c.width), Math.min(y1, c.height)));
    }
  }
  return out;
}

/** Mean absolute difference of two signatures, 0–255. */
export function colourDistance(a: Uint8Array, ai: number, b: Uint8Array, bi: number): number {
  let d = 0;
  for (let i = 0; i < COLOUR_BYTES; i++) d += Math.abs(a[ai + i]! - b[bi + i]!);
  return d / COLOUR_BYTES;
}

export const colourToHex = (c: Uint8Array): string => Buffer.from(c.subarray(0, COLOUR_BYTES)).toString('hex');

export function colourFromHex(hex: string, out: Uint8Array, at: number): boolean {
  if (!/^[0-9a-f]{54}$/.test(hex)) return false;
  out.set(Buffer.from(hex, 'hex'), at);
  return true;
}
