/**
 * Spreadsheet formula injection guard for every CSV Souqbot writes (catalog export, courier
 * export): a cell starting with = + - @ (or a tab / carriage return, which some spreadsheets skip
 * before one) is run as a formula when the seller opens the file, so it gets a leading quote.
 * Plain numbers ("-5", "12.5") are left alone. Readers call `unescapeFormula` to get the text back.
 */
export function escapeFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
}

/** The text an escaped cell stands for (the inverse of `escapeFormula`). */
export const unescapeFormula = (cell: string): string => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);
