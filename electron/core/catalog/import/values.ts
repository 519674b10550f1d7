import { type ImportNotice, importNotice } from '../../../../shared/domain/notices';
/** Cell parsers shared by every import format. Pure; each returns a value or a reason. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string; notice: ImportNotice };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(reason: string, notice: ImportNotice): Parsed<T> => ({ ok: false, reason, notice });

/**
 * A price as sellers write it: "6500", "6 500 DA", "1.290,00", "1,290.00", "R$ 197,90", "149.00 €",
 * Arabic-Indic digits. Separators must tell one story: a decimal separator (1-2 digits after it)
 * at most once and last, thousands groups of exactly 3 digits. Anything else ("1,200.50.3",
 * "12,34,56", "1.5.2024") is refused with a reason rather than guessed.
 */
export function parsePrice(raw: string): Parsed<number | null> {
  const text = raw
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u066B]/g, '.')
    .replace(/[\u066C\u00A0\u202F\s']/g, '')
    .replace(/[^\d.,-]/g, '');
  if (raw.trim() === '') return ok(null);
  if (!/\d/.test(text)) return bad(`price "${raw.trim()}" is not a number`, importNotice('bad_price', { value: raw.trim() }));
  const normalised = normaliseSeparators(text);
  if (normalised === null)
    return bad(`price "${raw.trim()}" is ambiguous (check its dots and commas)`, importNotice('ambiguous_price', { value: raw.trim() }));
  const value = Number(normalised);
  if (!Number.isFinite(value)) return bad(`price "${raw.trim()}" is not a number`, importNotice('bad_price', { value: raw.trim() }));
  if (value < 0) return bad(`price ${value} is negative`, importNotice('negative_price', { value: raw.trim() }));
  return ok(value);
}

/** "1.290,50" → "1290.50"; null when the dots and commas do not read one way only. */
function normaliseSeparators(text: string): string | null {
  const body = text.startsWith('-') ? text.slice(1) : text;
  const sign = text.startsWith('-') ? '-' : '';
  if (/[^\d.,]/.test(body) || /^[.,]|[.,]$/.test(body)) return null;
  const seps = body.replace(/\d/g, '');
  if (seps === '') return text;
  const last = seps.at(-1) as string;
  const lastAt = body.lastIndexOf(last);
  const tail = body.slice(lastAt + 1);
  const grouped = (head: string, sep: string) => {
    const groups = head.split(sep);
    return /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g));
  };
  if (new Set(seps).size === 2) {
    // Both kinds: the last one is the decimal separator, once, after every thousands separator.
    if (seps.indexOf(last) !== seps.length - 1 || !/^\d{1,2}$/.test(tail)) return null;
    const other = last === '.' ? ',' : '.';
    const head = body.slice(0, lastAt);
    return grouped(head, other) ? `${sign}${head.split(other).join('')}.${tail}` : null;
  }
  if (seps.length === 1 && /^\d{1,2}$/.test(tail)) return `${sign}${body.slice(0, lastAt)}.${tail}`;
  // One kind only, as thousands groups: "12.500", "1,200,000".
  return grouped(body, last) ? `${sign}${body.split(last).join('')}` : null;
}

/** Stock: blank = unlimited (null); a whole number >= 0; negative stock (oversold) counts as 0. */
export function parseStock(raw: string): Parsed<number | null> {
  const text = raw.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  if (text === '') return ok(null);
  if (!/^-?\d+(?:[.,]0+)?$/.test(text))
    return bad(`stock "${raw.trim()}" is not a whole number`, importNotice('bad_stock', { value: raw.trim() }));
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
export const lastSegment = (path: string): string =>
  path
    .split('>')
    .map((s) => s.trim())
    .filter(Boolean)
    .at(-1) ?? '';

/** A SKU made from a name when the file has none: stable, upper-case, ASCII. */
export function skuFromName(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return (
    slug ||
    `P-${[...name]
      .reduce((h, c) => (h * 31 + (c.codePointAt(0) ?? 0)) >>> 0, 7)
      .toString(36)
      .toUpperCase()}`
  );
}
