/** The csv domain's door: cells and documents, and the formula escaping spreadsheets need. */
export { type CsvValue, csvCell, csvDocument } from './csv';
export { escapeFormula, unescapeFormula } from './formula';
