import { describe, expect, it } from 'vitest';
import type { LlmPreset } from '../../../../shared/domain/llm';
import { PublicShopSettings, ShopSettings } from '../../../../shared/domain/settings';
import { applyPreset, keyWillBeForgotten, presetOf, salesFormFrom, salesPatchFrom, validateSales } from './sales-model';

const base = ShopSettings.parse({});
const settings = PublicShopSettings.parse({
  ...base,
  llm: { ...base.llm, apiKeySet: true },
  transcription: { ...base.transcription, apiKeySet: false },
});
const presets: LlmPreset[] = [
  {
    id: 'ollama',
    label: 'Ollama',
    baseUrl: 'http://127.0.0.1:11434/v1',
    defaultModel: 'qwen2.5:7b-instruct',
    needsApiKey: false,
    hint: '',
  },
];

describe('sales settings form', () => {
  it('round-trips the settings without ever carrying the stored key', () => {
    const form = salesFormFrom(settings);
    expect(form.newApiKey).toBe('');
    const patch = salesPatchFrom({ ...form, intensity: 'aggressive', maxDiscountPercent: '10' });
    expect(patch.sales).toEqual({ intensity: 'aggressive', maxDiscountPercent: 10, followUps: true, followUpSilenceMinutes: 30 });
    expect(validateSales({ ...form, followUpSilence: '2' }).followUpSilence).toBe('errSilence');
    expect(salesPatchFrom({ ...form, followUpSilence: ' 45 ' }).sales?.followUpSilenceMinutes).toBe(45);
    expect(patch.llm && 'apiKey' in patch.llm).toBe(false);
  });

  it('sends a typed key, or an empty one to remove it', () => {
    const form = salesFormFrom(settings);
    expect(salesPatchFrom({ ...form, newApiKey: ' sk-new ' }).llm?.apiKey).toBe('sk-new');
    expect(salesPatchFrom({ ...form, newApiKey: 'sk-new', removeApiKey: true }).llm?.apiKey).toBe('');
  });

  it('fills endpoint and model from a preset and recognises a typed preset URL', () => {
    const form = applyPreset(salesFormFrom(settings), 'ollama', presets);
    expect(form).toMatchObject({ preset: 'ollama', baseUrl: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b-instruct' });
    expect(presetOf('http://127.0.0.1:11434/v1/', presets)).toBe('ollama');
    expect(presetOf('https://example.com/v1', presets)).toBe('custom');
  });

  it('warns that the saved key is forgotten when the endpoint moves to another host', () => {
    const form = { ...salesFormFrom(settings), baseUrl: 'https://openrouter.ai/api/v1' };
    expect(keyWillBeForgotten(form, 'https://api.openai.com/v1', true)).toBe(true);
    expect(keyWillBeForgotten({ ...form, newApiKey: 'sk-new' }, 'https://api.openai.com/v1', true)).toBe(false);
    expect(keyWillBeForgotten(form, 'https://openrouter.ai/api/v1/', true)).toBe(false);
  });

  it('flags an out-of-range discount, a bad URL and non-numeric caps', () => {
    const form = salesFormFrom(settings);
    expect(validateSales(form)).toEqual({});
    expect(validateSales({ ...form, maxDiscountPercent: '95', baseUrl: 'api.openai.com', dailyTokenCap: 'lots' })).toEqual({
      maxDiscountPercent: 'errDiscount',
      baseUrl: 'errBaseUrl',
      dailyTokenCap: 'errWholeNumber',
    });
    expect(validateSales({ ...form, replyTimeLimitSeconds: '1' })).toEqual({ replyTimeLimitSeconds: 'errReplyTimeLimit' });
    expect(salesPatchFrom({ ...form, replyTimeLimitSeconds: ' 25 ' }).llm?.replyTimeLimitSeconds).toBe(25);
  });
});

describe('LLM turns at once', () => {
  it('starts automatic (0), saves a number, and refuses anything outside 0–256', () => {
    const form = salesFormFrom(settings);
    expect(form.concurrency).toBe('0');
    expect(salesPatchFrom({ ...form, concurrency: '4' }).llm?.concurrency).toBe(4);
    expect(validateSales({ ...form, concurrency: '300' })).toEqual({ concurrency: 'errWholeNumber' });
    expect(validateSales({ ...form, concurrency: 'two' })).toEqual({ concurrency: 'errWholeNumber' });
  });
});

describe('model for photos', () => {
  it('shows the saved vision model, saves it trimmed, and saves an emptied field as "none"', () => {
    const form = salesFormFrom({ ...settings, llm: { ...settings.llm, visionModel: 'llava' } });
    expect(form.visionModel).toBe('llava');
    expect(salesPatchFrom({ ...form, visionModel: ' gpt-4o-mini ' }).llm?.visionModel).toBe('gpt-4o-mini');
    expect(salesPatchFrom({ ...form, visionModel: '' }).llm?.visionModel).toBe('');
  });
});
