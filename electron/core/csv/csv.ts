import { escapeFormula } from './formula';

/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, and cells a spreadsheet would
 * run as a formula made inert (formula.ts). The courier export and the analytics exports write
 * their cells through here.
 */
export type CsvValue = string | number | null | undefined;

/** One cell: numbers stay numbers (a negative amount is not a formula), text is defused and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = escapeFormula(String(value));
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The byte-order mark that makes Excel read the file as UTF-8 (Arabic otherwise turns to mojibake). */
const UTF8_BOM = '\ufeff';

/** A header and rows → CSV text ending in CRLF; with `bom`, prefixed for Excel. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: { bom?: boolean } = {}): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${options.bom ? UTF8_BOM : ''}${lines.join('\r\n')}\r\n`;
}
