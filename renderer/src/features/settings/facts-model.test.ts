import { describe, expect, it } from 'vitest';
import { PublicShopSettings, ShopSettings, ShopSettingsPatch } from '../../../../shared/domain/settings';
import { factsFormFrom, factsPatchFrom, isValidTimeZone, newZoneRow, parseFee, validateFacts } from './facts-model';

const base = ShopSettings.parse({
  facts: { deliveryZones: [{ name: 'Oran', fee: 600, delayDays: '2-3' }], paymentMethods: ['cash_on_delivery', 'Western Union'] },
});
const settings = PublicShopSettings.parse({
  ...base,
  llm: { ...base.llm, apiKeySet: false },
  transcription: { ...base.transcription, apiKeySet: false },
});

describe('shop facts form', () => {
  it('keeps the shop’s own links one per line (commas and blank lines forgiven)', () => {
    const form = factsFormFrom(settings);
    expect(form.shopLinks).toBe('');
    const patch = factsPatchFrom({ ...form, shopLinks: 'https://dar-lalla.dz\n\n instagram.com/darlalla , facebook.com/darlalla.dz' });
    expect(patch.facts?.shopLinks).toEqual(['https://dar-lalla.dz', 'instagram.com/darlalla', 'facebook.com/darlalla.dz']);
    expect(ShopSettingsPatch.parse(patch)).toEqual(patch);
  });

  it('round-trips zones and payment methods into a valid patch', () => {
    const form = factsFormFrom(settings);
    expect(form.paymentMethods).toEqual(['cash_on_delivery']);
    expect(form.otherPayments).toBe('Western Union');
    const patch = factsPatchFrom({
      ...form,
      zones: [...form.zones, newZoneRow({ name: 'Alger', fee: '٤٠٠', delayDays: '1' }), newZoneRow()],
    });
    expect(ShopSettingsPatch.parse(patch)).toEqual(patch);
    expect(patch.facts?.deliveryZones).toEqual([
      { name: 'Oran', fee: 600, delayDays: '2-3' },
      { name: 'Alger', fee: 400, delayDays: '1' },
    ]);
    expect(patch.facts?.paymentMethods).toEqual(['cash_on_delivery', 'Western Union']);
  });

  it('reads fees written with spaces, commas and Arabic-Indic digits', () => {
    expect(parseFee('1 500')).toBe(1500);
    expect(parseFee('12,5')).toBe(12.5);
    expect(parseFee('٧٠٠')).toBe(700);
    expect(parseFee('free')).toBeNull();
  });

  it('flags half-filled rows, a bad time zone and no payment method', () => {
    const form = factsFormFrom(settings);
    const row = newZoneRow({ name: 'Blida', fee: 'abc' });
    const errors = validateFacts(
      { ...form, zones: [row], timeZone: 'Mars/Olympus', paymentMethods: [], otherPayments: '' },
      isValidTimeZone,
    );
    expect(errors).toEqual({ [`zone-${row.key}-fee`]: 'errZoneFee', timeZone: 'errTimeZone', payments: 'errPayments' });
    expect(validateFacts(form, isValidTimeZone)).toEqual({});
  });
});

describe('pacing choice on the Settings page', () => {
  it('starts at the shop setting (normal by default) and saves the chosen one', () => {
    const form = factsFormFrom(settings);
    expect(form.pacing).toBe('normal');
    const patch = factsPatchFrom({ ...form, pacing: 'careful' });
    expect(ShopSettingsPatch.parse(patch).bot?.pacing).toBe('careful');
  });
});
