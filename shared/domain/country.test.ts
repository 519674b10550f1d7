import { describe, expect, it } from 'vitest';
import { deriveCountry, dialectOf, shopCountry } from './country';

describe('shop country', () => {
  it.each([
    ['MAD', 'Africa/Casablanca', 'MA'],
    ['MAD', 'Africa/Algiers', 'MA'],
    ['TND', 'Africa/Algiers', 'TN'],
    ['DZD', 'Africa/Algiers', 'DZ'],
    ['EUR', 'Europe/Rome', 'IT'],
    ['EUR', 'Europe/Lisbon', 'PT'],
    ['EUR', 'Atlantic/Madeira', 'PT'],
    ['EUR', 'Europe/Paris', 'FR'],
    ['EUR', 'Africa/Algiers', 'FR'],
    ['BRL', 'America/Sao_Paulo', 'BR'],
    ['brl', 'UTC', 'BR'],
    ['XXX', 'Africa/Tunis', 'TN'],
    ['', '', 'DZ'],
  ])('%s + %s → %s', (currency, zone, country) => {
    expect(deriveCountry(currency, zone)).toBe(country);
  });

  it("prefers the seller's choice, ignores a malformed one", () => {
    expect(shopCountry('pt', 'EUR', 'Europe/Paris')).toBe('PT');
    expect(shopCountry('Portugal', 'EUR', 'Europe/Paris')).toBe('FR');
    expect(shopCountry(null, 'MAD', 'Africa/Casablanca')).toBe('MA');
  });

  it('picks the Darija of the country', () => {
    expect([dialectOf('MA'), dialectOf('TN'), dialectOf('DZ'), dialectOf('FR')]).toEqual(['ma', 'tn', 'dz', 'dz']);
  });
});
