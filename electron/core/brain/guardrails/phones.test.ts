import { describe, expect, it } from 'vitest';
import { checkNumbers, maskCustomerPhones } from './check-numbers';
import type { Backing } from './backing';

const empty = (): Backing => ({ names: new Set(), money: new Set(), percent: new Set(), stock: new Set(), plain: new Set() });
const check = (reply: string, customerTexts: string[], extra: { customerPhones?: string[]; country?: string } = {}) =>
  checkNumbers({ reply, backing: empty(), maxDiscountPercent: 0, customerTexts, ...extra });

describe("the customer's own phone in a reply", () => {
  it.each([
    ['DZ', 'mon num 07 70 12 34 56', 'Karim – 0770123456 – Oran'],
    ['DZ', '07.70.12.34.56', 'On vous appelle au 0770 12 34 56.'],
    ['DZ', '+213770123456', 'Amine – 0770123456 – Sétif'],
    ['DZ', '00213 770-12-34-56', 'Amine – +213 770 12 34 56'],
    ['MA', 'rqmi 06 61 22 33 44', 'Salma – 0661223344 – Casablanca'],
    ['TN', 'نومرو 98 123 456', 'سامي – 98123456 – صفاقس'],
    ['FR', '06.12.34.56.78', 'Léa – 0612345678 – Lyon'],
    ['IT', 'il mio numero è 347 123 4567', 'Giulia – 3471234567 – Torino'],
    ['PT', '912 345 678', 'Rui – 912345678 – Porto'],
    ['BR', '(21) 99876-5432', 'João – 21998765432 – Rio de Janeiro'],
    ['BR', 'meu zap +55 21 99876 5432', 'João – 21998765432'],
  ])('%s: "%s" echoed as "%s" is no unbacked number', (country, said, reply) => {
    expect(check(reply, [said], { country })).toEqual([]);
  });

  it('the WhatsApp number the customer writes from counts as theirs', () => {
    expect(check('On vous rappelle au +213 550 00 00 01.', ['oui'], { customerPhones: ['213550000001'] })).toEqual([]);
  });

  it('a phone number nobody gave is still reported (the check can fail)', () => {
    const v = check('Appelez le 0770 99 88 77 pour commander.', ['mon num 07 70 12 34 56'], { country: 'DZ' });
    expect(v.map((x) => x.kind)).toContain('unbacked_number');
  });

  it('masks only the matching number, keeping offsets', () => {
    const reply = 'Tel 0770123456, total 5 100 DA';
    const masked = maskCustomerPhones(reply, ['07 70 12 34 56'], [], 'DZ');
    expect(masked.length).toBe(reply.length);
    expect(masked).not.toContain('0770123456');
    expect(masked).toContain('5 100 DA');
  });
});

describe('numbers inside a quoted product name', () => {
  it('are no claim; a number outside the name still is', async () => {
    const { checkReply } = await import('./check-reply');
    const { checkInput, product, store } = await import('../../test-utils/guardrail-fixtures');
    const box = product({ sku: 'FB-CRO', name: 'Cornetti alla crema (scatola da 6)', price: 9, currency: 'EUR' });
    const input = (reply: string) =>
      checkInput(reply, { store: store({ products: [box] }), knownSkus: new Set(['FB-CRO']), decisionOver: { skus: ['FB-CRO'] } });
    expect(checkReply(input('Cornetti alla crema (scatola da 6): 9 €.'))).toEqual([]);
    expect(checkReply(input('Cornetti alla crema (scatola da 6): 13 €.')).map((v) => v.kind)).toContain('unbacked_number');
  });
});
