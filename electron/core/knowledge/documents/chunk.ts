/** Chunks around this size: big enough for an answer with its context, small enough to quote. */
const CHUNK_CHARS = 700;

/** Sentences, and lines (a title or a list item ends where its line does). */
const splitSentences = (text: string): string[] =>
  text
    .split('\n')
    .flatMap((line) => line.match(/[^.!?؟。]+(?:[.!?؟。]+|$)/g) ?? [])
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A document's text in ordered chunks of about CHUNK_CHARS: paragraphs kept whole when they fit,
 * a long paragraph split between sentences, never in the middle of a word.
 */
export function chunkText(text: string, size = CHUNK_CHARS): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n|\n(?=\s*[-•*\d]+[.)]?\s)/)
    .map((p) =>
      p
        .replace(/[ \t\u00A0]+/g, ' ')
        .replace(/ *\n */g, '\n')
        .trim(),
    )
    .filter(Boolean);
  const pieces: string[] = [];
  for (const p of paragraphs) {
    if (p.length <= size) pieces.push(p);
    else {
      for (const s of splitSentences(p)) {
        if (s.length <= size) pieces.push(s);
        // A "sentence" longer than a chunk (a list without stops): cut at spaces.
        else
          for (let rest = s; rest;) {
            const cut = rest.length <= size ? rest.length : Math.max(rest.lastIndexOf(' ', size), Math.floor(size / 2));
            pieces.push(rest.slice(0, cut).trim());
            rest = rest.slice(cut).trim();
          }
      }
    }
  }
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces) {
    if (current && current.length + 1 + piece.length > size) {
      chunks.push(current);
      current = piece;
    } else current = current ? `${current}\n${piece}` : piece;
  }
  if (current) chunks.push(current);
  return chunks;
}

export { splitSentences };
