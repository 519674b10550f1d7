import { useEffect, useState } from 'react';
import type { LlmPreset, LlmTestResult, LlmUsage } from '../../../../shared/domain/llm';
import { useServices } from '../../app/services-context';
import { useNoticeWords } from '../notices/word-notice';
import type { T } from '../../i18n/use-t';
import { applyPreset, keyWillBeForgotten, presetOf, type SalesErrors, type SalesForm } from './sales-model';
import type { strings } from './i18n';
import { useErrorWords } from '../notices/error-words';
import { ApiKeyField, CapField, EndpointFields, NumberInput, PresetField } from './fields';
import { FieldGroup, TextField } from '../../components/Field';

type Keys = keyof (typeof strings)['en'];

interface Props {
  shopId: number;
  form: SalesForm;
  edit(patch: Partial<SalesForm>): void;
  replace(form: SalesForm): void;
  apiKeySet: boolean;
  savedBaseUrl: string;
  errors: SalesErrors;
  t: T<Keys>;
}

/** Endpoint, model, write-only key, caps, "test connection" and today's spend. */
export function LlmSection({ shopId, form, edit, replace, apiKeySet, savedBaseUrl, errors, t }: Props) {
  const errorText = useErrorWords();
  const { client } = useServices();
  const [presets, setPresets] = useState<LlmPreset[]>([]);
  const [usage, setUsage] = useState<LlmUsage | null>(null);
  const [test, setTest] = useState<LlmTestResult | null>(null);
  const word = useNoticeWords();
  const [testing, setTesting] = useState(false);

  useEffect(() => {
    void client.send('settings/list-llm-presets', {}).then(setPresets, () => setPresets([]));
  }, [client]);
  useEffect(() => {
    void client.send('settings/get-llm-usage', { shopId }).then(setUsage, () => setUsage(null));
  }, [client, shopId, apiKeySet]);

  const chosen = presets.find((p) => p.id === form.preset);
  const runTest = async () => {
    setTesting(true);
    setTest(null);
    try {
      const input = {
        shopId,
        baseUrl: form.baseUrl.trim(),
        model: form.model.trim(),
        ...(form.newApiKey.trim() && !form.removeApiKey ? { apiKey: form.newApiKey.trim() } : {}),
      };
      setTest(await client.send('settings/test-llm', input));
    } catch (err) {
      // Core itself did not answer the call: worded as a failed request to the address tried.
      const host = URL.canParse(form.baseUrl.trim()) ? new URL(form.baseUrl.trim()).host : form.baseUrl.trim();
      setTest({
        ok: false,
        message: errorText(err),
        notice: { code: 'other', params: { host } },
        latencyMs: 0,
        model: form.model,
      });
    } finally {
      setTesting(false);
    }
  };
  const err = (key: keyof SalesErrors) => (errors[key] ? t(errors[key] as Keys) : null);

  return (
    <FieldGroup title={t('llmTitle')} intro={t('llmIntro')}>
      <PresetField
        id="llm-preset"
        value={form.preset}
        presets={presets}
        hint={chosen?.hint}
        onChange={(preset) => replace(applyPreset(form, preset, presets))}
        t={t}
      />
      <EndpointFields
        idPrefix="llm"
        baseUrl={form.baseUrl}
        model={form.model}
        baseUrlError={err('baseUrl')}
        onBaseUrl={(baseUrl) => edit({ baseUrl, preset: presetOf(baseUrl, presets) })}
        onModel={(model) => edit({ model })}
        t={t}
      />
      <TextField
        id="llm-vision-model"
        dir="ltr"
        label={t('visionModel')}
        placeholder={t('visionModelPlaceholder')}
        hint={t('visionModelHint')}
        value={form.visionModel}
        onChange={(visionModel) => edit({ visionModel })}
      />
      <ApiKeyField
        id="llm-key"
        hint={
          form.removeApiKey
            ? t('apiKeyWillRemove')
            : keyWillBeForgotten(form, savedBaseUrl, apiKeySet)
              ? t('apiKeyWillForget')
              : t('apiKeyHint')
        }
        apiKeySet={apiKeySet}
        newApiKey={form.newApiKey}
        removeApiKey={form.removeApiKey}
        onChange={edit}
        t={t}
      />
      <CapField
        id="llm-cap"
        label={t('dailyTokenCap')}
        className="input-number"
        value={form.dailyTokenCap}
        error={err('dailyTokenCap')}
        onChange={(dailyTokenCap) => edit({ dailyTokenCap })}
      />
      <CapField
        id="llm-customer-cap"
        label={t('perCustomerCap')}
        value={form.perCustomerDailyMessageCap}
        error={err('perCustomerDailyMessageCap')}
        onChange={(perCustomerDailyMessageCap) => edit({ perCustomerDailyMessageCap })}
      />
      <div className="field-inline">
        <label htmlFor="llm-reply-time">{t('replyTimeLimit')}</label>
        <NumberInput
          id="llm-reply-time"
          value={form.replyTimeLimitSeconds}
          error={err('replyTimeLimitSeconds')}
          onChange={(replyTimeLimitSeconds) => edit({ replyTimeLimitSeconds })}
        />
        <label htmlFor="llm-concurrency">{t('llmConcurrency')}</label>
        <NumberInput
          id="llm-concurrency"
          describedBy="llm-concurrency-hint"
          value={form.concurrency}
          error={err('concurrency')}
          onChange={(concurrency) => edit({ concurrency })}
        />
        <span id="llm-concurrency-hint" className="muted small">
          {t('llmConcurrencyHint')}
        </span>
      </div>
      <p className="muted small">{t('capsHint')}</p>
      {usage && (
        <p className="small">
          {usage.capReached ? t('usageCap') : t('usage', { tokens: usage.tokens, cap: usage.dailyTokenCap, requests: usage.requests })}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void runTest()} disabled={testing || !form.baseUrl.trim()}>
          {testing ? t('testing') : t('test')}
        </button>
        <span role="status" aria-live="polite" className={test ? (test.ok ? 'settings-test-ok' : 'error') : ''}>
          {test && (
            <>
              <strong>{test.ok ? t('testOk') : t('testFailed')}</strong> {word('llm', test.notice)}
              {test.ok && test.concurrency ? ` ${t('testConcurrency', { n: test.concurrency })}` : ''}
            </>
          )}
        </span>
      </div>
    </FieldGroup>
  );
}
