/** Keywords as the seller types them: commas (Latin or Arabic) or semicolons, trimmed, no duplicates. */
export function parseKeywords(text: string): string[] {
  const out: string[] = [];
  for (const part of text.split(/[,،;؛\n]/)) {
    const k = part.trim();
    if (k && !out.some((x) => x.toLocaleLowerCase() === k.toLocaleLowerCase())) out.push(k);
  }
  return out.slice(0, 50);
}

/** A retrieval score as a whole percentage for display. */
export const scorePercent = (score: number): number => Math.round(Math.max(0, Math.min(1, score)) * 100);
