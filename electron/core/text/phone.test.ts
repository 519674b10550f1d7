import { describe, expect, it } from 'vitest';
import { findPhone, findPhones, phoneToJid, toE164 } from './phone';

describe('phones', () => {
  it.each([
    ['DZ', 'mon num 07 70 12 34 56', '0770123456', '+213770123456'],
    ['DZ', '0661.22.33.44', '0661223344', '+213661223344'],
    ['DZ', '+213 (0) 550 12 34 56', '0550123456', '+213550123456'],
    ['DZ', '00213-550-12-34-56', '0550123456', '+213550123456'],
    ['DZ', 'رقمي ٠٥٥٥١٢٣٤٥٦', '0555123456', '+213555123456'],
    ['MA', 'rqmi 06 61 22 33 44', '0661223344', '+212661223344'],
    ['MA', '+212 6 61 22 33 44', '0661223344', '+212661223344'],
    ['TN', 'nemrou 98 123 456', '98123456', '+21698123456'],
    ['TN', '+216 20 123 456', '20123456', '+21620123456'],
    ['FR', 'mon 06.12.34.56.78', '0612345678', '+33612345678'],
    ['IT', 'il mio numero è 347 123 4567', '3471234567', '+393471234567'],
    ['IT', '+39 347-123-4567', '3471234567', '+393471234567'],
    ['PT', 'o meu é 912 345 678', '912345678', '+351912345678'],
    ['BR', '(21) 99876-5432', '21998765432', '+5521998765432'],
    ['BR', 'zap 11 9 8765-4321', '11987654321', '+5511987654321'],
  ])('%s shop: "%s" → %s (%s)', (country, text, phone, e164) => {
    expect(findPhone(text, { country })).toMatchObject({ phone, e164 });
  });

  it('a number of another country the shop delivers to keeps its country code', () => {
    expect(findPhone('+33 6 12 34 56 78', { country: 'DZ' })).toMatchObject({ phone: '+33612345678', country: 'FR' });
    expect(findPhone('0033612345678', { country: 'MA' })?.phone).toBe('+33612345678');
    // A national number that does not fit the shop's plan is read in another delivered country's.
    expect(findPhone('(11) 98765-4321', { country: 'PT' })?.e164).toBe('+5511987654321');
  });

  it('prices, sizes, dates and order numbers are not phones', () => {
    for (const text of [
      'prix 12500 DA taille 42',
      'R$ 1.290,00',
      'le 12/03/2026',
      'le 12.03.2026',
      'commande n° 1234',
      '6 500 000 DA',
      'taille 38 40 42',
    ]) {
      expect(findPhones(text, { country: 'DZ' })).toEqual([]);
    }
  });

  it('turns any spelling of a number into one E.164 and one JID', () => {
    expect(toE164('0550 12 34 56', { country: 'DZ' })).toBe('+213550123456');
    expect(toE164('213550123456')).toBe('+213550123456');
    expect(phoneToJid('+213 550-00 00 01')).toBe('213550000001@s.whatsapp.net');
    expect(phoneToJid('06 61 22 33 44', { country: 'MA' })).toBe('212661223344@s.whatsapp.net');
    expect(phoneToJid('123@lid')).toBe('123@lid');
  });
});
