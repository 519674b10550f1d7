import { describe, expect, it } from 'vitest';
import { PublicShopSettings, ShopSettings, ShopSettingsPatch } from './settings';

describe('ShopSettings', () => {
  it('fills every default from an empty document', () => {
    const s = ShopSettings.parse({});
    expect(s.sales).toEqual({
      intensity: 'balanced',
      maxDiscountPercent: 0,
      followUps: true,
      followUpSilenceMinutes: 30,
      strategyAlgorithm: 'thompson',
    });
    expect(s.llm).toMatchObject({ baseUrl: '', model: '', dailyTokenCap: 200_000, perCustomerDailyMessageCap: 40 });
    expect(s.bot.introduceAsAssistant).toBe(true);
    expect(s.facts).toMatchObject({ deliveryZones: [], paymentMethods: ['cash_on_delivery'], timeZone: 'Africa/Algiers' });
  });

  it('rejects unknown keys and out-of-range values', () => {
    expect(ShopSettings.safeParse({ sales: { maxDiscount: 5 } }).success).toBe(false);
    expect(ShopSettings.safeParse({ sales: { maxDiscountPercent: 120 } }).success).toBe(false);
    expect(ShopSettings.safeParse({ llm: { perCustomerDailyMessageCap: -1 } }).success).toBe(false);
  });

  it('a patch carries only what it names (no defaults that would reset other keys)', () => {
    expect(ShopSettingsPatch.parse({ sales: { intensity: 'gentle' } })).toEqual({ sales: { intensity: 'gentle' } });
  });

  it('the public shape has no apiKey field, only apiKeySet', () => {
    const defaults = ShopSettings.parse({});
    const pub = PublicShopSettings.parse({
      ...defaults,
      llm: { ...defaults.llm, apiKeySet: true },
      transcription: { ...defaults.transcription, apiKeySet: false },
    });
    expect('apiKey' in pub.transcription).toBe(false);
    expect('apiKey' in pub.llm).toBe(false);
    expect(pub.llm.apiKeySet).toBe(true);
  });
});
