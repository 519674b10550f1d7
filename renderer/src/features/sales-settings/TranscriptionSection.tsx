import { TRANSCRIPTION_PRESETS } from '../../../../shared/domain/transcription';
import type { T } from '../../i18n/use-t';
import type { strings } from './i18n';
import { ApiKeyField, CapField, EndpointFields, PresetField } from './fields';
import { FieldGroup } from '../../components/Field';
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
    <FieldGroup title={t('voiceTitle')} intro={t('voiceIntro')} testId="voice-settings">
      <PresetField
        id="voice-preset"
        value={presetValue}
        presets={TRANSCRIPTION_PRESETS}
        offLabel={t('voiceOff')}
        onChange={(preset) => edit(applyTranscriptionPreset(form, preset))}
        t={t}
      />
      <EndpointFields
        idPrefix="voice"
        baseUrl={form.baseUrl}
        model={form.model}
        baseUrlError={errors.baseUrl ? t(errors.baseUrl) : null}
        onBaseUrl={(baseUrl) => set({ baseUrl, preset: 'custom' })}
        onModel={(model) => set({ model })}
        t={t}
      />
      <ApiKeyField id="voice-key" apiKeySet={apiKeySet} newApiKey={form.newApiKey} removeApiKey={form.removeApiKey} onChange={set} t={t} />
      <CapField
        id="voice-cap"
        label={t('voiceCap')}
        inputMode="decimal"
        value={form.dailyMinutesCap}
        error={errors.dailyMinutesCap ? t(errors.dailyMinutesCap) : null}
        onChange={(dailyMinutesCap) => set({ dailyMinutesCap })}
      />
    </FieldGroup>
  );
}
