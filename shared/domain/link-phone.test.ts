import { describe, expect, it } from 'vitest';
import { internationalPhone, shopDialCode } from './link-phone';

describe('a phone typed for a pairing code', () => {
  it('gets the country code from the shop when typed the local way', () => {
    expect(internationalPhone('0550 12 34 56', '213')).toEqual({ ok: true, digits: '213550123456', changed: true });
    expect(internationalPhone('06.61.23.45.67', '212')).toEqual({ ok: true, digits: '212661234567', changed: true });
    expect(internationalPhone('(11) 98765-4321', '55')).toEqual({ ok: true, digits: '5511987654321', changed: true });
    expect(internationalPhone('347 123 4567', '39')).toEqual({ ok: true, digits: '393471234567', changed: true });
  });

  it('keeps a number that already has its country code', () => {
    expect(internationalPhone('+213 550-12-34-56', '213')).toEqual({ ok: true, digits: '213550123456', changed: false });
    expect(internationalPhone('00351 912 345 678', '213')).toEqual({ ok: true, digits: '351912345678', changed: true });
    expect(internationalPhone('213550123456', '213')).toEqual({ ok: true, digits: '213550123456', changed: false });
  });

  it('asks for the country code when the shop does not say which country', () => {
    expect(internationalPhone('06 12 34 56 78', shopDialCode({ currency: 'EUR' }))).toEqual({ ok: false, reason: 'needs_country_code' });
    expect(internationalPhone('0550', '213')).toEqual({ ok: false, reason: 'too_short' });
  });

  it('reads the calling code from the shop country first, then a one-country currency', () => {
    expect(shopDialCode({ currency: 'EUR', country: 'IT' })).toBe('39');
    expect(shopDialCode({ currency: 'DZD' })).toBe('213');
    expect(shopDialCode({ currency: 'EUR' })).toBeNull();
  });
});
