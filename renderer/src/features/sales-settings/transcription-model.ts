import type { PublicShopSettings, ShopSettingsPatch } from '../../../../shared/domain/settings';
import { TRANSCRIPTION_PRESETS } from '../../../../shared/domain/transcription';

/** The voice-notes fieldset's form: text inputs as typed, the key write-only. */
export interface TranscriptionForm {
  preset: string;
  baseUrl: string;
  model: string;
  newApiKey: string;
  removeApiKey: boolean;
  dailyMinutesCap: string;
}

export const transcriptionFormFrom = (s: PublicShopSettings): TranscriptionForm => ({
  preset: s.transcription.preset,
  baseUrl: s.transcription.baseUrl,
  model: s.transcription.model,
  newApiKey: '',
  removeApiKey: false,
  dailyMinutesCap: String(s.transcription.dailyMinutesCap),
});

/** Picking a preset fills the address and model; "custom" and "off" keep or clear them. */
export function applyTranscriptionPreset(form: TranscriptionForm, id: string): TranscriptionForm {
  if (id === 'off') return { ...form, preset: 'custom', baseUrl: '', model: '' };
  const preset = TRANSCRIPTION_PRESETS.find((p) => p.id === id);
  return preset ? { ...form, preset: id, baseUrl: preset.baseUrl, model: preset.model } : { ...form, preset: 'custom' };
}

export type TranscriptionErrors = Partial<Record<'baseUrl' | 'dailyMinutesCap', 'errVoiceUrl' | 'errVoiceCap'>>;

export function validateTranscription(form: TranscriptionForm): TranscriptionErrors {
  const errors: TranscriptionErrors = {};
  const url = form.baseUrl.trim();
  if (url && !/^https?:\/\/[^\s/]+/i.test(url)) errors.baseUrl = 'errVoiceUrl';
  const cap = Number(form.dailyMinutesCap);
  if (form.dailyMinutesCap.trim() === '' || !Number.isFinite(cap) || cap < 0 || cap > 10_000) errors.dailyMinutesCap = 'errVoiceCap';
  return errors;
}

export function transcriptionPatchFrom(form: TranscriptionForm): NonNullable<ShopSettingsPatch['transcription']> {
  const patch: NonNullable<ShopSettingsPatch['transcription']> = {
    preset: form.preset,
    baseUrl: form.baseUrl.trim(),
    model: form.model.trim(),
    dailyMinutesCap: Number(form.dailyMinutesCap),
  };
  if (form.removeApiKey) patch.apiKey = '';
  else if (form.newApiKey.trim()) patch.apiKey = form.newApiKey.trim();
  return patch;
}
