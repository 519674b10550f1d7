import { describe, expect, it } from 'vitest';
import { exportFileName, missingRequired, parsePriceInput, parseStockInput, progressPercent, setMapping } from './catalog-model';

describe('catalog model', () => {
  it('parses inline price and stock edits', () => {
    expect(parsePriceInput('6500')).toBe(6500);
    expect(parsePriceInput('1 290,50')).toBe(1290.5);
    expect(parsePriceInput('-3')).toBeNull();
    expect(parsePriceInput('abc')).toBeNull();
    expect(parseStockInput('')).toBeNull();
    expect(parseStockInput(' 7 ')).toBe(7);
    expect(parseStockInput('2.5')).toBeUndefined();
  });
  it('computes progress and mapping state', () => {
    expect(progressPercent(50, 200)).toBe(25);
    expect(progressPercent(0, 0)).toBe(100);
    const m = setMapping({ price: 'Prix' }, 'name', 'Nom');
    expect(m).toEqual({ price: 'Prix', name: 'Nom' });
    expect(missingRequired(setMapping(m, 'name', null))).toEqual(['name']);
  });
  it('names export files safely', () => {
    expect(exportFileName('Boutique Amina é', new Date('2026-05-01T10:00:00Z'))).toBe('boutique-amina-e-catalog-2026-05-01.csv');
    expect(exportFileName('متجر', new Date('2026-05-01T10:00:00Z'))).toBe('catalog-catalog-2026-05-01.csv');
  });
});
