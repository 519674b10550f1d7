import { describe, expect, it } from 'vitest';
import { escapeFormula, unescapeFormula } from './formula';

describe('escapeFormula', () => {
  it('quotes cells a spreadsheet would run, leaves numbers and text alone, and is undone by unescapeFormula', () => {
    const risky = ['=HYPERLINK("http://x","clic")', '+33 6 12', '-promo', '@SUM(A1)', '\t=1+1'];
    for (const cell of risky) {
      expect(escapeFormula(cell).startsWith("'")).toBe(true);
      expect(unescapeFormula(escapeFormula(cell))).toBe(cell);
    }
    for (const cell of ['-5', '12.5', 'Robe', 'فستان', "l'été"]) expect(escapeFormula(cell)).toBe(cell);
    expect(unescapeFormula("l'été")).toBe("l'été");
  });
});
