import { catalogRects, slidingRects, trimBorders } from '../hashing/crops';
import { HASH_WORDS, dhashRect, fromHex, toHex } from '../hashing/dhash';
import { COLOUR_BYTES, colourDistance, colourFromHex, colourRect, colourToHex } from '../hashing/colour';
import { type Gray, type Rect, colourIntegrals, integralOf } from '../hashing/gray';
import { BYTE_INDEX_REACH, type ByteIndex, CHUNKS, groupValue, makeByteIndex } from './byte-index';

/**
 * One catalog image's hashes as stored: its aspect ratio and, per catalogRect, the dHash in hex
 * followed by `.` and the colour signature in hex (absent for a grey-only raster).
 */
export interface PhotoHashes {
  aspect: number;
  hashes: string[];
}

/** The stored hashes of a catalog image (computed once, when the image is stored or changes). */
export function catalogHashes(g: Gray): PhotoHashes {
  const ii = integralOf(g);
  const ci = colourIntegrals(g);
  const colour = new Uint8Array(COLOUR_BYTES);
  const hashes: string[] = [];
  for (const r of catalogRects(g)) {
    const h = dhashRect(ii, r);
    if (h) hashes.push(ci ? `${toHex(h)}.${colourToHex(colourRect(ci, r, colour))}` : toHex(h));
  }
  return { aspect: g.width / g.height, hashes };
}

export interface MatchThresholds {
  /** Largest Hamming distance (of 128 bits) that still counts as the same photo. */
  maxDistance: number;
  /** How much closer the best product must be than the next one: two look-alikes are not a match. */
  margin: number;
  /** Largest mean colour difference (0–255, colour.ts) of a candidate; beyond it the shapes match but the product does not. */
  maxColour: number;
}

/**
 * Calibrated on the generated screenshots of media/matcher/photo-matcher.test.ts (scaled,
 * cropped, recompressed, inside app chrome) against look-alike negatives from the same generator.
 */
export const DEFAULT_THRESHOLDS: MatchThresholds = { maxDistance: 13, margin: 3, maxColour: 24 };

export interface PhotoMatch {
  productId: number;
  distance: number;
  /** The closest other product's distance (HASH_BITS+1 when there is none). */
  runnerUp: number;
  confident: boolean;
}

/** Set bits of every 16-bit value: two table reads count a 32-bit word, cheaper than SWAR in the scan. */
const POP16 = (() => {
  const t = new Uint8Array(1 << 16);
  for (let i = 1; i < t.length; i++) t[i] = (i & 1) + t[i >>> 1]!;
  return t;
})();

/** Set bits of a 32-bit integer. */
const pop = (x: number): number => POP16[x & 0xffff]! + POP16[x >>> 16]!;

interface Bucket {
  aspect: number;
  hashes: Int32Array;
  owners: Int32Array;
  /** COLOUR_BYTES per entry; `coloured[j]` says whether entry j has one. */
  colours: Uint8Array;
  coloured: Uint8Array;
  /** The same hashes by byte value (byte-index.ts): a window visits only the entries sharing a byte with it. */
  bytes: ByteIndex;
}

/** Aspect ratios within about 8% of each other share a bucket (and the windows cut for it). */
const aspectKey = (aspect: number) => Math.round(Math.log(aspect) * 12);

/**
 * Every hash of a shop's catalog photos in flat typed arrays, grouped by aspect ratio: an incoming
 * image's windows of one aspect are compared only with the catalog photos of that shape, which is
 * what keeps 10,000 photos under the benchmark's 50 ms.
 */
export function makePhotoIndex(entries: ReadonlyArray<{ productId: number } & PhotoHashes>) {
  const grouped = new Map<number, Array<{ productId: number; hash: string }>>();
  for (const e of entries) {
    if (!(e.aspect > 0)) continue;
    const key = aspectKey(e.aspect);
    let list = grouped.get(key);
    if (!list) grouped.set(key, (list = []));
    for (const hash of e.hashes) list.push({ productId: e.productId, hash });
  }
  const buckets: Bucket[] = [];
  for (const [key, list] of grouped) {
    const hashes = new Int32Array(list.length * HASH_WORDS);
    const owners = new Int32Array(list.length);
    const colours = new Uint8Array(list.length * COLOUR_BYTES);
    const coloured = new Uint8Array(list.length);
    let n = 0;
    for (const { productId, hash } of list) {
      const [dhash = '', colour] = hash.split('.');
      if (!fromHex(dhash, hashes, n * HASH_WORDS)) continue;
      coloured[n] = colour && colourFromHex(colour, colours, n * COLOUR_BYTES) ? 1 : 0;
      owners[n++] = productId;
    }
    buckets.push({
      aspect: Math.exp(key / 12),
      bytes: makeByteIndex(hashes, n),
      hashes: hashes.subarray(0, n * HASH_WORDS),
      owners: owners.subarray(0, n),
      colours: colours.subarray(0, n * COLOUR_BYTES),
      coloured: coloured.subarray(0, n),
    });
  }
  const size = buckets.reduce((s, b) => s + b.owners.length, 0);

  return {
    /** Number of stored hashes. */
    size,
    /** The best catalog product for an image (null when the index is empty or the image is blank). */
    /**
     * `windows: false` hashes only the whole image and its trimmed content, not the sliding
     * windows; `colour: false` skips the colour check: the planted bugs of the quality test.
     */
    match(
      g: Gray,
      thresholds: MatchThresholds = DEFAULT_THRESHOLDS,
      opts: { windows?: boolean; colour?: boolean; exhaustive?: boolean } = {},
    ): PhotoMatch | null {
      if (size === 0) return null;
      const ii = integralOf(g);
      const ci = opts.colour === false ? null : colourIntegrals(g);
      const windowColour = new Uint8Array(COLOUR_BYTES);
      const content = trimBorders(g);
      const whole: Rect[] = [{ x: 0, y: 0, w: g.width, h: g.height }, content];
      const best = new Best(thresholds.maxDistance + thresholds.margin, thresholds.maxColour);
      const scratch = new Int32Array(HASH_WORDS);
      // A confident answer needs every entry within maxDistance + margin − 1 bits (the best one and
      // a runner-up that would spoil the margin): the byte index finds all of them when that is in
      // its reach; looser thresholds (or `exhaustive`) compare every entry.
      const indexed = !opts.exhaustive && thresholds.maxDistance + thresholds.margin - 1 <= BYTE_INDEX_REACH;
      for (const bucket of buckets) {
        for (const r of opts.windows === false ? whole : [...whole, ...slidingRects(content, bucket.aspect)]) {
          if (!dhashRect(ii, r, scratch)) continue;
          const colour = ci ? colourRect(ci, r, windowColour) : null;
          if (indexed) best.scanIndexed(scratch, bucket, colour);
          else best.scan(scratch, bucket, colour);
        }
      }
      if (best.id1 < 0) return null;
      return {
        productId: best.id1,
        distance: best.d1,
        runnerUp: best.d2,
        confident: best.d1 <= thresholds.maxDistance && best.d2 - best.d1 >= thresholds.margin,
      };
    },
  };
}
export type PhotoIndex = ReturnType<typeof makePhotoIndex>;

/** The two closest distinct products seen so far. */
class Best {
  id1 = -1;
  d1 = 129;
  d2 = 129;
  constructor(
    private readonly cutoff: number,
    private readonly maxColour: number,
  ) {}

  scan(h: Int32Array, b: Bucket, colour: Uint8Array | null): void {
    const { hashes, owners } = b;
    const h0 = h[0]!;
    const h1 = h[1]!;
    const h2 = h[2]!;
    const h3 = h[3]!;
    // Int32 words and inlined popcounts keep every step in small integers (no heap numbers):
    // this loop is the benchmark. Only distances up to the runner-up's (bounded by cutoff) matter.
    for (let j = 0, o = 0; j < owners.length; j++, o += HASH_WORDS) {
      const limit = this.d2 < this.cutoff ? this.d2 : this.cutoff;
      let d = pop(h0 ^ hashes[o]!) + pop(h1 ^ hashes[o + 1]!);
      if (d > limit) continue;
      d += pop(h2 ^ hashes[o + 2]!) + pop(h3 ^ hashes[o + 3]!);
      if (d > limit) continue;
      // Rare (a near shape): only now is the colour compared.
      if (colour && b.coloured[j] && colourDistance(colour, 0, b.colours, j * COLOUR_BYTES) > this.maxColour) continue;
      this.offer(owners[j]!, d);
    }
  }

  /** The same as scan over the bucket's entries that share a byte with `h` (each compared once). */
  scanIndexed(h: Int32Array, b: Bucket, colour: Uint8Array | null): void {
    const { hashes, owners } = b;
    const { bits, offsets, entries, seen, keys } = b.bytes;
    const count = owners.length;
    const stamp = (b.bytes.stamp = (b.bytes.stamp + 1) >>> 0 || 1);
    const h0 = h[0]!;
    const h1 = h[1]!;
    const h2 = h[2]!;
    const h3 = h[3]!;
    for (let c = 0; c < CHUNKS; c++) keys[c] = groupValue(bits, c, h, 0);
    for (let c = 0; c < CHUNKS; c++) {
      const at = c * 257 + keys[c]!;
      const list = c * count;
      for (let k = offsets[at]!, end = offsets[at + 1]!; k < end; k++) {
        const j = entries[list + k]!;
        if (seen[j] === stamp) continue;
        seen[j] = stamp;
        const o = j * HASH_WORDS;
        const limit = this.d2 < this.cutoff ? this.d2 : this.cutoff;
        let d = pop(h0 ^ hashes[o]!) + pop(h1 ^ hashes[o + 1]!);
        if (d > limit) continue;
        d += pop(h2 ^ hashes[o + 2]!) + pop(h3 ^ hashes[o + 3]!);
        if (d > limit) continue;
        if (colour && b.coloured[j] && colourDistance(colour, 0, b.colours, j * COLOUR_BYTES) > this.maxColour) continue;
        this.offer(owners[j]!, d);
      }
    }
  }

  private offer(id: number, d: number): void {
    if (id === this.id1) {
      if (d < this.d1) this.d1 = d;
    } else if (d < this.d1) {
      this.d2 = this.d1;
      this.id1 = id;
      this.d1 = d;
    } else if (d < this.d2) {
      this.d2 = d;
    }
  }
}
