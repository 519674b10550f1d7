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
      <section className="page settings-page" aria-labelledby="page-title">
        <h1 id="page-title">{t('title')}</h1>
        <p className="muted" role="status">
          {shopId === null ? t('noShop') : (error ?? t('loading'))}
        </p>
      </section>
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
    <section className="page settings-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('title')}</h1>
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
        <label className="field-inline settings-check">
          <input type="checkbox" checked={form.followUps} onChange={(e) => edit({ followUps: e.target.checked })} /> {t('followUpsOnce')}
        </label>
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

        <div className="actions settings-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('saving') : t('save')}
          </button>
          <span role="status" aria-live="polite" className={error || (showErrors && hasErrors) ? 'error' : 'muted'}>
            {error ?? (showErrors && hasErrors ? t('fixErrors') : saved ? t('saved') : '')}
          </span>
        </div>
      </form>
      <ViolationsList shopId={shopId} t={t} />
    </section>
  );
}
