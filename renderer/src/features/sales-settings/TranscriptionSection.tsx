import { TRANSCRIPTION_PRESETS } from '../../../../shared/domain/transcription';
import type { T } from '../../i18n/use-t';
import type { strings } from './i18n';
import { ApiKeyInput, NumberInput } from './fields';
import { type TranscriptionErrors, type TranscriptionForm, applyTranscriptionPreset } from './transcription-model';

type Keys = keyof (typeof strings)['en'];

interface Props {
  form: TranscriptionForm;
  edit(next: TranscriptionForm): void;
  apiKeySet: boolean;
  errors: TranscriptionErrors;
  t: T<Keys>;
}

/** Voice notes to text: an OpenAI-compatible transcription endpoint, its write-only key and the daily minutes cap. */
export function TranscriptionSection({ form, edit, apiKeySet, errors, t }: Props) {
  const set = (patch: Partial<TranscriptionForm>) => edit({ ...form, ...patch });
  const presetValue = form.baseUrl.trim() === '' ? 'off' : form.preset;
  return (
    <fieldset data-testid="voice-settings">
      <legend>{t('voiceTitle')}</legend>
      <p className="muted small">{t('voiceIntro')}</p>
      <div className="field">
        <label htmlFor="voice-preset">{t('preset')}</label>
        <select id="voice-preset" value={presetValue} onChange={(e) => edit(applyTranscriptionPreset(form, e.target.value))}>
          <option value="off">{t('voiceOff')}</option>
          <option value="custom">{t('presetCustom')}</option>
          {TRANSCRIPTION_PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="voice-base-url">{t('baseUrl')}</label>
        <input
          id="voice-base-url"
          dir="ltr"
          type="url"
          placeholder="https://…/v1"
          aria-invalid={errors.baseUrl ? true : undefined}
          value={form.baseUrl}
          onChange={(e) => set({ baseUrl: e.target.value, preset: 'custom' })}
        />
        {errors.baseUrl && <span className="error small">{t(errors.baseUrl)}</span>}
      </div>
      <div className="field">
        <label htmlFor="voice-model">{t('model')}</label>
        <input id="voice-model" dir="ltr" value={form.model} onChange={(e) => set({ model: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="voice-key">{t('apiKey')}</label>
        <ApiKeyInput
          id="voice-key"
          apiKeySet={apiKeySet}
          newApiKey={form.newApiKey}
          removeApiKey={form.removeApiKey}
          onChange={set}
          t={t}
        />
      </div>
      <div className="field-inline">
        <label htmlFor="voice-cap">{t('voiceCap')}</label>
        <NumberInput
          id="voice-cap"
          inputMode="decimal"
          value={form.dailyMinutesCap}
          error={errors.dailyMinutesCap ? t(errors.dailyMinutesCap) : null}
          onChange={(dailyMinutesCap) => set({ dailyMinutesCap })}
        />
      </div>
    </fieldset>
  );
}
