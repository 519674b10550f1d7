/** Cell parsers shared by every import format. Pure; each returns a value or a reason. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

/**
 * A price as sellers write it: "6500", "6 500 DA", "1.290,00", "1,290.00", "R$ 197,90", "149.00 €",
 * Arabic-Indic digits. The last separator followed by exactly 1-2 digits is the decimal one.
 */
export function parsePrice(raw: string): Parsed<number | null> {
  const text = raw
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u066B]/g, '.')
    .replace(/[\u066C\u00A0\u202F\s']/g, '')
    .replace(/[^\d.,-]/g, '');
  if (raw.trim() === '') return ok(null);
  if (!/\d/.test(text)) return bad(`price "${raw.trim()}" is not a number`);
  let normalised = text;
  const lastSep = Math.max(text.lastIndexOf('.'), text.lastIndexOf(','));
  if (lastSep >= 0) {
    const decimals = text.length - lastSep - 1;
    const intPart = text.slice(0, lastSep).replace(/[.,]/g, '');
    normalised = decimals >= 1 && decimals <= 2 ? `${intPart}.${text.slice(lastSep + 1)}` : text.replace(/[.,]/g, '');
  }
  const value = Number(normalised);
  if (!Number.isFinite(value)) return bad(`price "${raw.trim()}" is not a number`);
  if (value < 0) return bad(`price ${value} is negative`);
  return ok(value);
}

/** Stock: blank = unlimited (null); a whole number >= 0; negative stock (oversold) counts as 0. */
export function parseStock(raw: string): Parsed<number | null> {
  const text = raw.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  if (text === '') return ok(null);
  if (!/^-?\d+(?:[.,]0+)?$/.test(text)) return bad(`stock "${raw.trim()}" is not a whole number`);
  return ok(Math.max(0, Number.parseInt(text, 10)));
}

/** A list cell: items split on any of the separators, trimmed, empties and duplicates dropped. */
export function parseList(raw: string, separators: RegExp): string[] {
  const out: string[] = [];
  for (const part of raw.split(separators)) {
    const item = part.trim();
    if (item && !out.includes(item)) out.push(item);
  }
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML descriptions (Shopify, WooCommerce) as plain text: tags dropped, common entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(?:br|\/p|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, code: string) => {
      if (code.startsWith('#x') || code.startsWith('#X')) return String.fromCodePoint(Number.parseInt(code.slice(2), 16));
      if (code.startsWith('#')) return String.fromCodePoint(Number.parseInt(code.slice(1), 10));
      return ENTITIES[code.toLowerCase()] ?? m;
    })
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

/** The last segment of a category path: "Apparel > Clothing > Dresses" → "Dresses". */
export const lastSegment = (path: string): string => path.split('>').map((s) => s.trim()).filter(Boolean).at(-1) ?? '';

/** A SKU made from a name when the file has none: stable, upper-case, ASCII. */
export function skuFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return slug || `P-${[...name].reduce((h, c) => (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0, 7).toString(36).toUpperCase()}`;
}
