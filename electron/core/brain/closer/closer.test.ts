import { describe, expect, it } from 'vitest';
import { SalesSettings } from '../../../../shared/domain/settings';
import { formatMoney } from '../templates/format';
import { discountToOffer, discountedPrice } from './discount';

const sales = (intensity: 'gentle' | 'balanced' | 'aggressive', maxDiscountPercent: number) =>
  SalesSettings.parse({ intensity, maxDiscountPercent });

describe('discount policy', () => {
  it('never exceeds the seller maximum, whatever the intensity or how often the customer insists', () => {
    for (const intensity of ['gentle', 'balanced', 'aggressive'] as const) {
      for (const max of [0, 5, 10, 15, 90]) {
        let offered: number | null = null;
        for (let i = 0; i < 5; i++) {
          const d = discountToOffer(sales(intensity, max), offered);
          expect(d).toBeLessThanOrEqual(max);
          offered = d > 0 ? d : offered;
        }
      }
    }
  });

  it('gentle shops hold on the first objection; aggressive ones offer the maximum', () => {
    expect(discountToOffer(sales('gentle', 10), null)).toBe(0);
    expect(discountToOffer(sales('gentle', 10), 0)).toBe(5);
    expect(discountToOffer(sales('balanced', 10), null)).toBe(5);
    expect(discountToOffer(sales('balanced', 10), 5)).toBe(10);
    expect(discountToOffer(sales('aggressive', 10), null)).toBe(10);
    expect(discountToOffer(sales('aggressive', 0), null)).toBe(0);
  });

  it('rounds the discounted price up, so the effective discount never passes the percent', () => {
    expect(discountedPrice(9800, 10)).toBe(8820);
    expect(discountedPrice(2799, 15)).toBe(2380); // 2379.15 → 2380
    expect(discountedPrice(19.99, 10)).toBe(18); // 17.991 → 18.00: 9.95 % off, not more
  });
});

describe('money', () => {
  it('formats per language and currency', () => {
    expect(formatMoney(6500, 'DZD', 'fr')).toBe('6\u202f500 DA');
    expect(formatMoney(6500, 'DZD', 'ar-dz')).toBe('6500 دج');
    expect(formatMoney(197, 'BRL', 'pt')).toBe('R$ 197,00');
    expect(formatMoney(1234.5, 'EUR', 'it')).toBe('1.234,50 €');
    expect(formatMoney(19.99, 'USD', 'en')).toBe('$ 19.99');
  });
});
