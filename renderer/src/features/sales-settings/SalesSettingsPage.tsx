import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useSettingsForm } from '../settings/use-settings-form';
import '../settings/settings.css';
import { strings } from './i18n';
import { LlmSection } from './LlmSection';
import { type Intensity, type SalesForm, salesFormFrom, salesPatchFrom, validateSales } from './sales-model';
import { ViolationsList } from './ViolationsList';
import { TranscriptionSection } from './TranscriptionSection';
import { type TranscriptionForm, transcriptionFormFrom, transcriptionPatchFrom, validateTranscription } from './transcription-model';
import { HintedNumberField } from '../../components/HintedNumberField';
import { Check } from '../../components/Field';
import { PageSection } from '../../components/PageSection';
import { SaveBar } from '../../components/SaveBar';

const INTENSITIES: Intensity[] = ['gentle', 'balanced', 'aggressive'];

/** Intensity, maximum discount, follow-ups and the optional LLM endpoint. */
export function SalesSettingsPage() {
  const t = useT(strings);
  const { store, settings, shopId, saving, saved, error, form, setForm, showErrors, setShowErrors, errors } = useSettingsForm<
    SalesForm,
    ReturnType<typeof validateSales>
  >(salesFormFrom, validateSales);
  // The voice-notes fieldset keeps its own form, saved with the page's (one Save button).
  const [voice, setVoice] = useState<TranscriptionForm | null>(null);
  useEffect(() => {
    if (settings) setVoice(transcriptionFormFrom(settings));
  }, [settings]);
  const voiceErrors = voice ? validateTranscription(voice) : {};

  if (shopId === null || !form || !settings) {
    return (
      <PageSection title={t('title')} className="settings-page">
        <p className="muted" role="status">
          {shopId === null ? t('noShop') : (error ?? t('loading'))}
        </p>
      </PageSection>
    );
  }

  const replace = (next: SalesForm) => {
    store.getState().markDirty();
    setForm(next);
  };
  const edit = (patch: Partial<SalesForm>) => replace({ ...form, ...patch });
  const visible = showErrors ? errors : {};
  const hasErrors = Object.keys(errors).length + Object.keys(voiceErrors).length > 0;

  return (
    <PageSection title={t('title')} className="settings-page">
      <p className="muted">{t('intro')}</p>
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (hasErrors) return setShowErrors(true);
          setShowErrors(false);
          void store.getState().save({ ...salesPatchFrom(form), ...(voice && { transcription: transcriptionPatchFrom(voice) }) });
        }}
      >
        <fieldset>
          <legend>{t('intensityTitle')}</legend>
          <div className="settings-radios" role="radiogroup" aria-label={t('intensityTitle')}>
            {INTENSITIES.map((level) => (
              <label key={level}>
                <input
                  type="radio"
                  name="intensity"
                  value={level}
                  checked={form.intensity === level}
                  onChange={() => edit({ intensity: level })}
                />
                <span>
                  <strong>{t(level)}</strong>
                  <br />
                  <span className="muted small">{t(`${level}Hint`)}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <HintedNumberField
          id="max-discount"
          className="input-short input-number"
          label={t('maxDiscount')}
          hint={t('maxDiscountHint')}
          error={visible.maxDiscountPercent ? t('errDiscount') : null}
          min={0}
          max={90}
          step={1}
          value={form.maxDiscountPercent}
          onChange={(maxDiscountPercent) => edit({ maxDiscountPercent })}
        />
        <Check
          className="field-inline settings-check"
          label={t('followUpsOnce')}
          checked={form.followUps}
          onChange={(followUps) => edit({ followUps })}
        />
        <HintedNumberField
          id="follow-up-silence"
          className="input-short input-number"
          label={t('followUpSilence')}
          hint={t('followUpSilenceHint')}
          error={visible.followUpSilence ? t('errSilence') : null}
          min={5}
          max={1380}
          step={5}
          disabled={!form.followUps}
          value={form.followUpSilence}
          onChange={(followUpSilence) => edit({ followUpSilence })}
        />

        <LlmSection
          shopId={shopId}
          form={form}
          edit={edit}
          replace={replace}
          apiKeySet={settings.llm.apiKeySet}
          savedBaseUrl={settings.llm.baseUrl}
          errors={visible}
          t={t}
        />
        {voice && (
          <TranscriptionSection
            form={voice}
            edit={(next) => {
              store.getState().markDirty();
              setVoice(next);
            }}
            apiKeySet={settings.transcription.apiKeySet}
            errors={showErrors ? voiceErrors : {}}
            t={t}
          />
        )}

        <SaveBar saving={saving} saved={saved} error={error} invalid={showErrors && hasErrors} t={t} />
      </form>
      <ViolationsList shopId={shopId} t={t} />
    </PageSection>
  );
}
