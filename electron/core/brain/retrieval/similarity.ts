/** How well one query word matches one catalog word, in [0, 1]. Pure; the re-ranker's primitive. */

/** The two rows editDistance works in, grown when a longer word comes: a turn compares hundreds of word pairs. */
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Levenshtein distance with an early exit once it exceeds `max` (callers only care about small distances). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(2 * (b.length + 1));
    rowB = new Int32Array(2 * (b.length + 1));
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ca === b.charCodeAt(j - 1) ? 0 : 1),
      );
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const swap = prev;
    prev = cur;
    cur = swap;
  }
  return prev[b.length] as number;
}

export const EXACT = 1;
export const PREFIX = 0.8;
const SUBSTRING = 0.6;
export const FUZZY = 0.55;

/**
 * exact 1 · prefix 0.8 (the customer typed the start of the word, or a longer form of it) ·
 * substring 0.6 (compounds, unstripped clitics) · fuzzy 0.55 (one typo in 4-6 letters, two in 7+) · else 0.
 */
export function wordMatch(query: string, word: string): number {
  if (query === word) return EXACT;
  const q = query.length;
  const w = word.length;
  if (q >= 3 && w > q && word.startsWith(query)) return PREFIX;
  if (w >= 4 && q > w && q - w <= 3 && query.startsWith(word)) return PREFIX;
  if (q >= 4 && w > q && word.includes(query)) return SUBSTRING;
  if (w >= 4 && q > w && query.includes(word)) return SUBSTRING;
  if (q >= 4 && w >= 4) {
    const max = Math.min(q, w) >= 7 ? 2 : 1;
    if (editDistance(query, word, max) <= max) return FUZZY;
  }
  return 0;
}
