import { HASH_BITS, HASH_WORDS } from '../hashing/dhash';

/** 128-bit hashes cut into 16 groups of 8 bits: two hashes within 15 bits of each other agree exactly on at least one group. */
export const CHUNKS = HASH_BITS / 8;
/** The largest distance a lookup is guaranteed to find (pigeonhole over CHUNKS disjoint groups). */
export const BYTE_INDEX_REACH = CHUNKS - 1;

/**
 * A multi-index over a bucket's hashes (Norouzi et al., "Fast search in Hamming space with
 * multi-index hashing"): the 128 bits are dealt into 16 groups of 8, and per group the entries
 * holding each of the 256 values are listed. A window's hash then visits only the entries that
 * share one whole group with it, and still finds every entry within BYTE_INDEX_REACH bits.
 *
 * dHash bits are not even: plain backgrounds make neighbouring cells compare alike, so whole bytes
 * of the raw hash are zero in half the catalog. The groups are therefore dealt from the bits sorted
 * by how evenly they split this bucket (the most informative bits spread over all groups), which
 * keeps every list short.
 */
export interface ByteIndex {
  /** Per group, its 8 bit positions (0–127). */
  bits: Uint8Array;
  /** offsets[group * 257 + value] … offsets[group * 257 + value + 1] index into `entries` (group-major). */
  offsets: Int32Array;
  entries: Int32Array;
  /** Per entry, the stamp of the last query that visited it (a query compares each candidate once). */
  seen: Uint32Array;
  stamp: number;
  /** The query's group values, reused. */
  keys: Int32Array;
}

const bitAt = (hashes: Int32Array, at: number, bit: number): number => (hashes[at + (bit >>> 5)]! >>> (bit & 31)) & 1;

/** The value of group `g` for the hash at hashes[at…at+3]. */
export function groupValue(bits: Uint8Array, g: number, hashes: Int32Array, at: number): number {
  let v = 0;
  for (let k = 0; k < 8; k++) v |= bitAt(hashes, at, bits[g * 8 + k]!) << k;
  return v;
}

export function makeByteIndex(hashes: Int32Array, count: number): ByteIndex {
  const ones = new Float64Array(HASH_BITS);
  for (let j = 0; j < count; j++) for (let b = 0; b < HASH_BITS; b++) ones[b]! += bitAt(hashes, j * HASH_WORDS, b);
  const order = Array.from({ length: HASH_BITS }, (_, b) => b).sort(
    (a, b) => Math.abs(ones[a]! / Math.max(1, count) - 0.5) - Math.abs(ones[b]! / Math.max(1, count) - 0.5) || a - b,
  );
  const bits = new Uint8Array(HASH_BITS);
  order.forEach((bit, i) => (bits[(i % CHUNKS) * 8 + Math.floor(i / CHUNKS)] = bit));

  const values = new Uint8Array(count * CHUNKS);
  for (let j = 0; j < count; j++) for (let g = 0; g < CHUNKS; g++) values[j * CHUNKS + g] = groupValue(bits, g, hashes, j * HASH_WORDS);
  const offsets = new Int32Array(CHUNKS * 257);
  for (let j = 0; j < count; j++) for (let g = 0; g < CHUNKS; g++) offsets[g * 257 + values[j * CHUNKS + g]! + 1]!++;
  for (let g = 0; g < CHUNKS; g++) for (let v = 0; v < 256; v++) offsets[g * 257 + v + 1]! += offsets[g * 257 + v]!;
  const entries = new Int32Array(CHUNKS * count);
  const fill = offsets.slice();
  for (let j = 0; j < count; j++) for (let g = 0; g < CHUNKS; g++) entries[g * count + fill[g * 257 + values[j * CHUNKS + g]!]!++] = j;
  return { bits, offsets, entries, seen: new Uint32Array(count), stamp: 0, keys: new Int32Array(CHUNKS) };
}

/** The entries sharing at least one whole group with `h` (four int32 words), each once: the candidates a lookup visits. */
export function candidatesOf(index: ByteIndex, h: Int32Array): number[] {
  const count = index.seen.length;
  const found = new Set<number>();
  for (let g = 0; g < CHUNKS; g++) {
    const at = g * 257 + groupValue(index.bits, g, h, 0);
    for (let k = index.offsets[at]!; k < index.offsets[at + 1]!; k++) found.add(index.entries[g * count + k]!);
  }
  return [...found];
}
