/**
 * A pure text function answered from memory for texts it has seen. A turn folds the same message,
 * its parts and the same product and variant names many times over (intent, slots, quantities,
 * variants, product matching, claims), and the same words are normalised turn after turn. The
 * function must depend on its argument only; the memory is bounded (it starts again when full).
 */
export function memoText(fn: (text: string) => string, kept: number): (text: string) => string {
  const known = new Map<string, string>();
  return (text) => {
    const hit = known.get(text);
    if (hit !== undefined) return hit;
    const value = fn(text);
    if (known.size >= kept) known.clear();
    known.set(text, value);
    return value;
  };
}
