/**
 * CSV as spreadsheets read it: RFC 4180 quoting, CRLF line ends, and cells a spreadsheet would
 * run as a formula (=, +, -, @, tab, CR at the start) made inert with a leading quote. Every CSV
 * Souqbot writes (courier export, analytics exports) goes through here.
 */
export type CsvValue = string | number | null | undefined;

/** One cell: numbers stay numbers (a negative amount is not a formula), text is defused and quoted when needed. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The byte-order mark that makes Excel read the file as UTF-8 (Arabic otherwise turns to mojibake). */
export const UTF8_BOM = '\ufeff';

/** A header and rows → CSV text ending in CRLF; with `bom`, prefixed for Excel. */
export function csvDocument(header: readonly string[], rows: Iterable<readonly CsvValue[]>, options: { bom?: boolean } = {}): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${options.bom ? UTF8_BOM : ''}${lines.join('\r\n')}\r\n`;
}
