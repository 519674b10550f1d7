import type { LlmPreset } from '../../../../shared/domain/llm';
import type { PublicShopSettings, ShopSettingsPatch } from '../../../../shared/domain/settings';

export type Intensity = PublicShopSettings['sales']['intensity'];

export interface SalesForm {
  intensity: Intensity;
  maxDiscountPercent: string;
  followUps: boolean;
  /** Minutes of silence before the follow-up, as typed. */
  followUpSilence: string;
  preset: string;
  baseUrl: string;
  model: string;
  /** Typed here only to replace the stored key; never filled from the server (it never sends it). */
  newApiKey: string;
  /** The seller asked to delete the stored key. */
  removeApiKey: boolean;
  dailyTokenCap: string;
  perCustomerDailyMessageCap: string;
  /** Seconds a customer may wait on the LLM for one reply before the offline brain answers. */
  replyTimeLimitSeconds: string;
  /** LLM turns in flight for this endpoint; '0' = by kind (hosted many, local 2). */
  concurrency: string;
  /** A model of the same endpoint that reads images ('' = none): describes photos the offline matcher did not recognise. */
  visionModel: string;
}

export function salesFormFrom(settings: PublicShopSettings): SalesForm {
  return {
    intensity: settings.sales.intensity,
    maxDiscountPercent: String(settings.sales.maxDiscountPercent),
    followUps: settings.sales.followUps,
    followUpSilence: String(settings.sales.followUpSilenceMinutes),
    preset: settings.llm.preset,
    baseUrl: settings.llm.baseUrl,
    model: settings.llm.model,
    newApiKey: '',
    removeApiKey: false,
    dailyTokenCap: String(settings.llm.dailyTokenCap),
    perCustomerDailyMessageCap: String(settings.llm.perCustomerDailyMessageCap),
    replyTimeLimitSeconds: String(settings.llm.replyTimeLimitSeconds),
    concurrency: String(settings.llm.concurrency),
    visionModel: settings.llm.visionModel,
  };
}

/** Choosing a preset fills the endpoint and its default model; "custom" leaves them as typed. */
export function applyPreset(form: SalesForm, presetId: string, presets: readonly LlmPreset[]): SalesForm {
  const preset = presets.find((p) => p.id === presetId);
  if (!preset) return { ...form, preset: 'custom' };
  return { ...form, preset: preset.id, baseUrl: preset.baseUrl, model: preset.defaultModel };
}

const hostOf = (url: string): string => {
  try {
    return new URL(url.trim()).host.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
};

/** Core forgets the saved key when the endpoint moves to another host without a new key. */
export function keyWillBeForgotten(form: SalesForm, savedBaseUrl: string, apiKeySet: boolean): boolean {
  return apiKeySet && !form.removeApiKey && !form.newApiKey.trim() && hostOf(form.baseUrl) !== hostOf(savedBaseUrl);
}

/** Which preset a typed base URL belongs to, so the select follows the text field. */
export function presetOf(baseUrl: string, presets: readonly LlmPreset[]): string {
  const clean = baseUrl.trim().replace(/\/+$/, '');
  return presets.find((p) => p.baseUrl === clean)?.id ?? 'custom';
}

const wholeNumber = (text: string, min: number, max: number): number | null => {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
};

export type SalesErrors = Partial<
  Record<
    | 'maxDiscountPercent'
    | 'followUpSilence'
    | 'baseUrl'
    | 'dailyTokenCap'
    | 'perCustomerDailyMessageCap'
    | 'replyTimeLimitSeconds'
    | 'concurrency',
    string
  >
>;

export function validateSales(form: SalesForm): SalesErrors {
  const errors: SalesErrors = {};
  if (wholeNumber(form.maxDiscountPercent, 0, 90) === null) errors.maxDiscountPercent = 'errDiscount';
  if (wholeNumber(form.followUpSilence, 5, 1_380) === null) errors.followUpSilence = 'errSilence';
  if (form.baseUrl.trim() && !/^https?:\/\/[^\s/]+/.test(form.baseUrl.trim())) errors.baseUrl = 'errBaseUrl';
  if (wholeNumber(form.dailyTokenCap, 0, 100_000_000) === null) errors.dailyTokenCap = 'errWholeNumber';
  if (wholeNumber(form.perCustomerDailyMessageCap, 0, 100_000) === null) errors.perCustomerDailyMessageCap = 'errWholeNumber';
  if (wholeNumber(form.replyTimeLimitSeconds, 2, 120) === null) errors.replyTimeLimitSeconds = 'errReplyTimeLimit';
  if (wholeNumber(form.concurrency, 0, 256) === null) errors.concurrency = 'errWholeNumber';
  return errors;
}

/** The patch to save; the key is sent only when typed (replace) or removed (empty string). */
export function salesPatchFrom(form: SalesForm): ShopSettingsPatch {
  const llm: NonNullable<ShopSettingsPatch['llm']> = {
    preset: form.preset,
    baseUrl: form.baseUrl.trim(),
    model: form.model.trim(),
    dailyTokenCap: Number(form.dailyTokenCap.trim()),
    perCustomerDailyMessageCap: Number(form.perCustomerDailyMessageCap.trim()),
    replyTimeLimitSeconds: Number(form.replyTimeLimitSeconds.trim()),
    concurrency: Number(form.concurrency.trim()),
    visionModel: form.visionModel.trim(),
  };
  if (form.removeApiKey) llm.apiKey = '';
  else if (form.newApiKey.trim()) llm.apiKey = form.newApiKey.trim();
  return {
    sales: {
      intensity: form.intensity,
      maxDiscountPercent: Number(form.maxDiscountPercent.trim()),
      followUps: form.followUps,
      followUpSilenceMinutes: Number(form.followUpSilence.trim()),
    },
    llm,
  };
}
