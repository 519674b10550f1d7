import { describe, expect, it } from 'vitest';
import { parseKeywords, scorePercent } from './knowledge-model';

describe('knowledge model', () => {
  it('splits keywords on Latin and Arabic commas and semicolons, without duplicates', () => {
    expect(parseKeywords('livraison, Tawsil ;التوصيل، tawsil,, ')).toEqual(['livraison', 'Tawsil', 'التوصيل']);
  });
  it('shows scores as percentages', () => {
    expect(scorePercent(0.823)).toBe(82);
    expect(scorePercent(1.4)).toBe(100);
  });
});
