import { describe, expect, it } from 'vitest';
import { type TranscriptionForm, applyTranscriptionPreset, transcriptionPatchFrom, validateTranscription } from './transcription-model';

const blank: TranscriptionForm = { preset: 'custom', baseUrl: '', model: '', newApiKey: '', removeApiKey: false, dailyMinutesCap: '30' };

describe('voice notes settings form', () => {
  it('a preset fills address and model; off clears them', () => {
    const groq = applyTranscriptionPreset(blank, 'groq');
    expect(groq).toMatchObject({ preset: 'groq', baseUrl: 'https://api.groq.com/openai/v1', model: 'whisper-large-v3-turbo' });
    expect(applyTranscriptionPreset(groq, 'off')).toMatchObject({ baseUrl: '', model: '', preset: 'custom' });
  });

  it('refuses an address that is not http(s) and a cap that is not a number of minutes', () => {
    expect(validateTranscription(blank)).toEqual({});
    expect(validateTranscription({ ...blank, baseUrl: 'file:///etc/passwd' })).toEqual({ baseUrl: 'errVoiceUrl' });
    expect(validateTranscription({ ...blank, dailyMinutesCap: '' })).toEqual({ dailyMinutesCap: 'errVoiceCap' });
    expect(validateTranscription({ ...blank, dailyMinutesCap: '-3' })).toEqual({ dailyMinutesCap: 'errVoiceCap' });
  });

  it('sends the key only when typed, an empty key to remove it, never the old one', () => {
    expect(transcriptionPatchFrom(blank)).not.toHaveProperty('apiKey');
    expect(transcriptionPatchFrom({ ...blank, newApiKey: ' gsk_1 ' }).apiKey).toBe('gsk_1');
    expect(transcriptionPatchFrom({ ...blank, newApiKey: 'x', removeApiKey: true }).apiKey).toBe('');
    expect(transcriptionPatchFrom({ ...blank, dailyMinutesCap: '12.5' }).dailyMinutesCap).toBe(12.5);
  });
});
