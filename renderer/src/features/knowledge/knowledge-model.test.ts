import { describe, expect, it } from 'vitest';
import { fileSize, parseKeywords, scorePercent, toBase64 } from './knowledge-model';

describe('knowledge model', () => {
  it('splits keywords on Latin and Arabic commas and semicolons, without duplicates', () => {
    expect(parseKeywords('livraison, Tawsil ;التوصيل، tawsil,, ')).toEqual(['livraison', 'Tawsil', 'التوصيل']);
  });
  it('shows scores as percentages', () => {
    expect(scorePercent(0.823)).toBe(82);
    expect(scorePercent(1.4)).toBe(100);
  });
  it('encodes files as base64 in chunks, and sizes them for people', () => {
    const big = new Uint8Array(100_000).map((_, i) => i % 251);
    const back = Uint8Array.from(atob(toBase64(big)), (c) => c.charCodeAt(0));
    expect(back).toEqual(big);
    expect(toBase64(new TextEncoder().encode('Souq'))).toBe('U291cQ==');
    expect([fileSize(820), fileSize(14_500), fileSize(2_200_000)]).toEqual(['820 B', '14 KB', '2.1 MB']);
  });
});
