import { describe, expect, it } from 'vitest';
import { currencyCodes, currencyLabel } from './currencies';

describe('currency list', () => {
  it('offers the market currencies first, then every other ISO 4217 code once', () => {
    const codes = currencyCodes();
    expect(codes.slice(0, 5)).toEqual(['DZD', 'MAD', 'TND', 'EUR', 'BRL']);
    expect(codes).toContain('JPY');
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
  });
  it('labels a code with the local symbol and its name in the seller language', () => {
    expect(currencyLabel('DZD', 'ar')).toBe('د.ج / DA — دينار جزائري (DZD)');
    expect(currencyLabel('MAD', 'fr')).toMatch(/^DH \/ د\.م\. — dirham marocain \(MAD\)$/);
    expect(currencyLabel('BRL', 'pt')).toBe('R$ — Real brasileiro (BRL)');
    expect(currencyLabel('JPY', 'en')).toBe('Japanese Yen (JPY)');
  });
});
