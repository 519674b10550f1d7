/**
 * Turns the bytes of a catalog file into text, or says why it is not a text file. Pure, and runs
 * in the renderer (a chosen file) and in core (the CLI) alike: TextDecoder exists in both.
 *
 * - A byte-order mark says the encoding (UTF-8, UTF-16 LE/BE: Excel's "Unicode text").
 * - Valid UTF-8 is UTF-8. Anything else is Excel's "CSV" in the Windows code page: Arabic
 *   (Windows-1256) when most letters are high bytes, else Western European (Windows-1252, a French,
 *   Portuguese or Italian Windows) — never UTF-8 with U+FFFD in place of "é" or "ب".
 * - Zip (.xlsx, .ods), OLE (.xls), PDF and image signatures, NUL bytes or many control characters
 *   mean the file is not text: refused, with no rows imported.
 */
export type DecodedFile =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'windows-1256' }
  | { ok: false; reason: 'not_text'; kind: 'spreadsheet' | 'binary' };

const startsWith = (bytes: Uint8Array, signature: readonly number[]): boolean => signature.every((b, i) => bytes[i] === b);

const SPREADSHEETS: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04], // zip: .xlsx, .ods, .numbers
  [0xd0, 0xcf, 0x11, 0xe0], // OLE: .xls
];
const BINARIES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
];

/**
 * Windows-1252's 0x80-0x9F (where it differs from Latin-1): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ.
 * Decoded by hand: Node's TextDecoder('windows-1252') gives Latin-1 there (U+0080 for 0x80; seen on Node 20.20).
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018,
  0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    const codes = Array.from(bytes.subarray(i, i + 4096), (b) => (b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] ?? b) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}

/**
 * Arabic or Western text in a Windows code page: in Windows-1256 Arabic letters are bytes
 * 0xC1-0xFE, while French, Portuguese or Italian text is mostly ASCII letters with a few accents.
 */
function legacyCodePage(bytes: Uint8Array): 'windows-1256' | 'windows-1252' {
  let ascii = 0;
  let high = 0;
  for (const b of bytes.subarray(0, 65_536)) {
    if ((b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a)) ascii++;
    else if (b >= 0xc0) high++;
  }
  return high > 0 && high / (ascii + high) > 0.25 ? 'windows-1256' : 'windows-1252';
}

/** Share of control characters (other than tab, CR, LF, form feed) in the text's first 64k. */
function controlShare(text: string): number {
  const sample = text.slice(0, 65_536);
  if (sample.length === 0) return 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) control++;
  }
  return control / sample.length;
}

export function decodeCatalogBytes(bytes: Uint8Array): DecodedFile {
  if (SPREADSHEETS.some((s) => startsWith(bytes, s))) return { ok: false, reason: 'not_text', kind: 'spreadsheet' };
  if (BINARIES.some((s) => startsWith(bytes, s))) return { ok: false, reason: 'not_text', kind: 'binary' };
  const checked = (text: string, encoding: Extract<DecodedFile, { ok: true }>['encoding']): DecodedFile =>
    controlShare(text) > 0.01 ? { ok: false, reason: 'not_text', kind: 'binary' } : { ok: true, text, encoding };
  if (startsWith(bytes, [0xff, 0xfe])) return checked(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return checked(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'utf-16be');
  if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'not_text', kind: 'binary' };
  const body = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? bytes.subarray(3) : bytes;
  try {
    return checked(new TextDecoder('utf-8', { fatal: true }).decode(body), 'utf-8');
  } catch {
    if (legacyCodePage(body) === 'windows-1256') return checked(new TextDecoder('windows-1256').decode(body), 'windows-1256');
    return checked(decodeWindows1252(body), 'windows-1252');
  }
}

/** U+FFFD: what a wrong decoding leaves in place of a letter. A row holding it cannot be trusted. */
export const REPLACEMENT_CHARACTER = '\uFFFD';
