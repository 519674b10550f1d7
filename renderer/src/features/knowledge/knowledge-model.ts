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

/** Bytes as base64 for the contract (chunked: a spread of a multi-megabyte array overflows the stack). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A file size for people: "820 B", "14 KB", "2.1 MB" (Western digits in every locale). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
