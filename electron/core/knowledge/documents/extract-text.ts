import type { DocumentKind } from '../../../../shared/domain/knowledge';

/** A document the seller gave could not be read (corrupt, encrypted, not what its name says). */
export class UnreadableDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableDocumentError';
  }
}

/** What kind of document a file is, from its name (and, for PDF and DOCX, its first bytes). */
export function documentKind(fileName: string, bytes: Uint8Array): DocumentKind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const starts = (s: string) => [...s].every((c, i) => bytes[i] === c.charCodeAt(0));
  if (starts('%PDF')) return 'pdf';
  if (starts('PK') && ext === 'docx') return 'docx';
  if (ext === 'html' || ext === 'htm') return 'html';
  if (ext === 'txt' || ext === 'md' || ext === 'text') return 'text';
  return null;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  // The legacy build runs in plain Node (no DOM, no worker thread: pdf.js uses its fake worker).
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: new Uint8Array(bytes), // pdf.js transfers (detaches) the buffer it gets
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    }).promise;
  } catch (err) {
    throw new UnreadableDocumentError(`Not a readable PDF: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : ' ');
      }
      pages.push(text.trim());
    }
    return pages.join('\n\n');
  } finally {
    await doc.destroy();
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    return (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (err) {
    throw new UnreadableDocumentError(`Not a readable Word document: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** UTF-8 (BOM or not) or UTF-16 with a BOM: what editors save plain text as. */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  return utf8.replace(/^\uFEFF/, '');
}

/** Named entities pages in these shops' languages use (numeric ones are decoded generally). */
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  eacute: 'é',
  egrave: 'è',
  ecirc: 'ê',
  agrave: 'à',
  acirc: 'â',
  ccedil: 'ç',
  ocirc: 'ô',
  ucirc: 'û',
  ugrave: 'ù',
  icirc: 'î',
  atilde: 'ã',
  otilde: 'õ',
  aacute: 'á',
  oacute: 'ó',
  iacute: 'í',
  uacute: 'ú',
  euro: '€',
  laquo: '«',
  raquo: '»',
  rsquo: '’',
  lsquo: '‘',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  ndash: '–',
  mdash: '—',
};

/** A web page saved as HTML: its visible text, block elements as line breaks, scripts and styles dropped. */
export function htmlText(html: string): string {
  return html
    .replace(/<(script|style|noscript|template|svg|head)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(br|\/p|\/div|\/li|\/h[1-6]|\/tr|\/section|\/article|\/header|\/footer)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
      }
      return ENTITIES[name] ?? ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** The text of a document, by kind (pdf.js and mammoth load on first use, not at start). */
export async function extractText(kind: DocumentKind, bytes: Uint8Array): Promise<string> {
  switch (kind) {
    case 'pdf':
      return pdfText(bytes);
    case 'docx':
      return docxText(bytes);
    case 'html':
      return htmlText(decodeText(bytes));
    case 'text':
      return decodeText(bytes);
  }
}
