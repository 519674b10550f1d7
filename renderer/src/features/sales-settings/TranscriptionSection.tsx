import { TRANSCRIPTION_PRESETS } from '../../../../shared/domain/transcription';
import type { T } from '../../i18n/use-t';
import type { strings } from './i18n';
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
        <div className="settings-key">
          <input
            id="voice-key"
            dir="ltr"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={apiKeySet ? t('apiKeyPlaceholderSet') : t('apiKeyPlaceholder')}
            value={form.newApiKey}
            disabled={form.removeApiKey}
            onChange={(e) => set({ newApiKey: e.target.value })}
          />
          <span className={`settings-badge${apiKeySet ? ' on' : ''}`}>{apiKeySet ? t('apiKeySet') : t('apiKeyNotSet')}</span>
          {apiKeySet && (
            <button
              type="button"
              className="danger-outline"
              aria-pressed={form.removeApiKey}
              onClick={() => set({ removeApiKey: !form.removeApiKey, newApiKey: '' })}
            >
              {form.removeApiKey ? t('apiKeyKeep') : t('apiKeyRemove')}
            </button>
          )}
        </div>
      </div>
      <div className="field-inline">
        <label htmlFor="voice-cap">{t('voiceCap')}</label>
        <input
          id="voice-cap"
          className="input-number input-short"
          dir="ltr"
          inputMode="decimal"
          aria-invalid={errors.dailyMinutesCap ? true : undefined}
          value={form.dailyMinutesCap}
          onChange={(e) => set({ dailyMinutesCap: e.target.value })}
        />
        {errors.dailyMinutesCap && <span className="error small">{t(errors.dailyMinutesCap)}</span>}
      </div>
    </fieldset>
  );
}
