import { useT } from '../../i18n/use-t';
import {
  type FactsForm,
  KNOWN_PAYMENTS,
  PACING_CHOICES,
  factsFormFrom,
  factsPatchFrom,
  isValidTimeZone,
  validateFacts,
} from './facts-model';
import { strings } from './i18n';
import { useSettingsForm } from './use-settings-form';
import { ShopCurrency } from './ShopCurrency';
import { ZonesTable } from './ZonesTable';
import { JobFailures } from './JobFailures';
import { DesktopSection } from './DesktopSection';
import { SyncSection } from './SyncSection';
import { CountryField } from './CountryField';
import './settings.css';
import { HintedNumberField } from '../../components/HintedNumberField';

type Keys = keyof (typeof strings)['en'];

const COMMON_ZONES = [
  'Africa/Algiers',
  'Africa/Casablanca',
  'Africa/Tunis',
  'Africa/Cairo',
  'Europe/Paris',
  'Europe/Lisbon',
  'America/Sao_Paulo',
  'America/Fortaleza',
  'America/Manaus',
  'UTC',
];

const validateFactsHere = (form: FactsForm) => validateFacts(form, isValidTimeZone);

/** Shop facts: delivery zones, payment methods, returns, hours, time zone, how the bot introduces itself. */
export function SettingsPage() {
  const t = useT(strings);
  const { store, shopId, saving, saved, error, form, setForm, showErrors, setShowErrors, errors } = useSettingsForm<
    FactsForm,
    ReturnType<typeof validateFacts>
  >(factsFormFrom, validateFactsHere);

  if (shopId === null)
    return (
      <Shell title={t('title')}>
        <p className="muted">{t('noShop')}</p>
      </Shell>
    );
  if (!form)
    return (
      <Shell title={t('title')}>
        <p className="muted" role="status">
          {error ?? t('loading')}
        </p>
      </Shell>
    );

  const edit = (patch: Partial<FactsForm>) => {
    store.getState().markDirty();
    setForm({ ...form, ...patch });
  };
  const togglePayment = (method: string, on: boolean) =>
    edit({ paymentMethods: on ? [...form.paymentMethods, method] : form.paymentMethods.filter((m) => m !== method) });
  const visibleErrors = showErrors ? errors : {};
  const fieldError = (key: keyof typeof errors) => visibleErrors[key] as Keys | undefined;

  return (
    <Shell title={t('title')}>
      <p className="muted">{t('intro')}</p>
      <ShopCurrency shopId={shopId} t={t} />
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (Object.keys(errors).length) return setShowErrors(true);
          setShowErrors(false);
          void store.getState().save(factsPatchFrom(form));
        }}
      >
        <fieldset>
          <legend>{t('zonesTitle')}</legend>
          <p className="muted small">{t('zonesHint')}</p>
          <ZonesTable rows={form.zones} onChange={(zones) => edit({ zones })} errors={visibleErrors} t={t} />
        </fieldset>

        <fieldset aria-describedby={fieldError('payments') ? 'payments-error' : undefined}>
          <legend>{t('paymentsTitle')}</legend>
          <div className="settings-checks">
            {KNOWN_PAYMENTS.map((method) => (
              <label key={method}>
                <input
                  type="checkbox"
                  checked={form.paymentMethods.includes(method)}
                  onChange={(e) => togglePayment(method, e.target.checked)}
                />{' '}
                {t(`pay_${method}` as Keys)}
              </label>
            ))}
          </div>
          <div className="field">
            <label htmlFor="other-payments">{t('otherPayments')}</label>
            <input id="other-payments" value={form.otherPayments} onChange={(e) => edit({ otherPayments: e.target.value })} />
          </div>
          {fieldError('payments') && (
            <p id="payments-error" className="error small">
              {t(fieldError('payments') as Keys)}
            </p>
          )}
        </fieldset>

        <div className="field">
          <label htmlFor="return-policy">{t('returnPolicy')}</label>
          <textarea
            id="return-policy"
            aria-describedby="return-hint"
            value={form.returnPolicy}
            onChange={(e) => edit({ returnPolicy: e.target.value })}
          />
          <span id="return-hint" className="muted small">
            {t('returnPolicyHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="opening-hours">{t('openingHours')}</label>
          <input
            id="opening-hours"
            placeholder={t('openingHoursPlaceholder')}
            value={form.openingHours}
            onChange={(e) => edit({ openingHours: e.target.value })}
          />
        </div>
        <CountryField timeZone={form.timeZone} />
        <div className="field">
          <label htmlFor="shop-links">{t('shopLinks')}</label>
          <textarea
            id="shop-links"
            dir="ltr"
            aria-describedby="shop-links-hint"
            placeholder="https://myshop.com"
            value={form.shopLinks}
            onChange={(e) => edit({ shopLinks: e.target.value })}
          />
          <span id="shop-links-hint" className="muted small">
            {t('shopLinksHint')}
          </span>
        </div>
        <div className="field">
          <label htmlFor="time-zone">{t('timeZone')}</label>
          <input
            id="time-zone"
            dir="ltr"
            list="time-zones"
            aria-invalid={fieldError('timeZone') ? true : undefined}
            aria-describedby={fieldError('timeZone') ? 'tz-error' : undefined}
            value={form.timeZone}
            onChange={(e) => edit({ timeZone: e.target.value })}
          />
          <datalist id="time-zones">
            {COMMON_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {fieldError('timeZone') && (
            <span id="tz-error" className="error small">
              {t(fieldError('timeZone') as Keys)}
            </span>
          )}
        </div>
        <label className="field-inline settings-check">
          <input type="checkbox" checked={form.introduceAsAssistant} onChange={(e) => edit({ introduceAsAssistant: e.target.checked })} />{' '}
          {t('introduce')}
        </label>
        <HintedNumberField
          id="phone-takeover"
          label={t('phoneTakeover')}
          hint={t('phoneTakeoverHint')}
          min={0}
          max={10080}
          step={15}
          value={form.phoneTakeoverMinutes}
          onChange={(minutes) => edit({ phoneTakeoverMinutes: Number(minutes) })}
        />
        <HintedNumberField
          id="retention-days"
          hintId="retention-hint"
          label={t('retentionDays')}
          hint={t('retentionHint')}
          min={0}
          max={3650}
          step={30}
          value={form.retentionDays}
          onChange={(days) => edit({ retentionDays: Number(days) })}
        />

        <fieldset aria-describedby="pacing-hint">
          <legend>{t('pacingTitle')}</legend>
          <p id="pacing-hint" className="muted small">
            {t('pacingHint')}
          </p>
          <div className="settings-checks settings-radios">
            {PACING_CHOICES.map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name="pacing"
                  value={choice}
                  checked={form.pacing === choice}
                  onChange={() => edit({ pacing: choice })}
                />{' '}
                {t(`pacing_${choice}` as Keys)}
              </label>
            ))}
          </div>
          <p className="muted small">{t('pacingProactive')}</p>
        </fieldset>

        <div className="actions settings-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('saving') : t('save')}
          </button>
          <span role="status" aria-live="polite" className={error || (showErrors && Object.keys(errors).length) ? 'error' : 'muted'}>
            {error ?? (showErrors && Object.keys(errors).length ? t('fixErrors') : saved ? t('saved') : '')}
          </span>
        </div>
      </form>
      <JobFailures />
      <DesktopSection />
      <SyncSection />
    </Shell>
  );
}

function Shell({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="page settings-page" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      {children}
    </section>
  );
}
