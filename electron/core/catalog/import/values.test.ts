import { describe, expect, it } from 'vitest';
import { htmlToText, lastSegment, parseList, parsePrice, parseStock, skuFromName } from './values';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `ERR ${r.reason}`);

describe('parsePrice', () => {
  it('reads the ways sellers write prices', () => {
    expect(value(parsePrice('6500'))).toBe(6500);
    expect(value(parsePrice('6 500 DA'))).toBe(6500);
    expect(value(parsePrice('1.290,00'))).toBe(1290);
    expect(value(parsePrice('1,290.50'))).toBe(1290.5);
    expect(value(parsePrice('R$ 197,90'))).toBe(197.9);
    expect(value(parsePrice('149.00 €'))).toBe(149);
    expect(value(parsePrice('12.500'))).toBe(12500);
    expect(value(parsePrice('٦٥٠٠ دج'))).toBe(6500);
    expect(value(parsePrice(''))).toBe(null);
  });
  it('refuses numbers whose dots and commas do not read one way only, instead of guessing', () => {
    for (const raw of ['1,200.50.3', '12,34,56', '1.5.2024', '1,2345', '1.290,00.5', '1,290.5,0', '.50', '12.']) {
      expect(value(parsePrice(raw)), raw).toMatch(/ambiguous/);
    }
    expect(value(parsePrice('1.200.000'))).toBe(1200000);
    expect(value(parsePrice('1 200,5'))).toBe(1200.5);
    expect(value(parsePrice('1,290'))).toBe(1290);
  });
  it('rejects words and negative prices with a reason', () => {
    expect(value(parsePrice('gratuit'))).toMatch(/not a number/);
    expect(value(parsePrice('-5'))).toMatch(/negative/);
  });
});

describe('parseStock', () => {
  it('treats blank as unlimited and negative as sold out', () => {
    expect(value(parseStock(''))).toBe(null);
    expect(value(parseStock(' 12 '))).toBe(12);
    expect(value(parseStock('3,0'))).toBe(3);
    expect(value(parseStock('-2'))).toBe(0);
    expect(value(parseStock('beaucoup'))).toMatch(/whole number/);
    expect(value(parseStock('2.5'))).toMatch(/whole number/);
  });
});

describe('helpers', () => {
  it('splits lists, strips HTML, takes the last category segment, makes SKUs', () => {
    expect(parseList('robe rouge; fostan;;فستان ;fostan', /;/)).toEqual(['robe rouge', 'fostan', 'فستان']);
    expect(htmlToText('<p>Caftan &amp; velours</p><p>brodé&nbsp;main</p>')).toBe('Caftan & velours\nbrodé main');
    expect(lastSegment('Apparel & Accessories > Clothing')).toBe('Clothing');
    expect(skuFromName('Robe d’été fleurie')).toBe('ROBE-D-ETE-FLEURIE');
    expect(skuFromName('فستان')).toMatch(/^P-[0-9A-Z]+$/);
  });
});
