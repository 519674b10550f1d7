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
import { Check, FieldGroup, TextField } from '../../components/Field';
import { PageSection } from '../../components/PageSection';
import { SaveBar } from '../../components/SaveBar';

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
      <PageSection title={t('title')} className="settings-page">
        <p className="muted">{t('noShop')}</p>
      </PageSection>
    );
  if (!form)
    return (
      <PageSection title={t('title')} className="settings-page">
        <p className="muted" role="status">
          {error ?? t('loading')}
        </p>
      </PageSection>
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
    <PageSection title={t('title')} className="settings-page">
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
        <FieldGroup title={t('zonesTitle')} intro={t('zonesHint')}>
          <ZonesTable rows={form.zones} onChange={(zones) => edit({ zones })} errors={visibleErrors} t={t} />
        </FieldGroup>

        <fieldset aria-describedby={fieldError('payments') ? 'payments-error' : undefined}>
          <legend>{t('paymentsTitle')}</legend>
          <div className="settings-checks">
            {KNOWN_PAYMENTS.map((method) => (
              <Check
                key={method}
                label={t(`pay_${method}` as Keys)}
                checked={form.paymentMethods.includes(method)}
                onChange={(on) => togglePayment(method, on)}
              />
            ))}
          </div>
          <TextField
            id="other-payments"
            label={t('otherPayments')}
            value={form.otherPayments}
            onChange={(otherPayments) => edit({ otherPayments })}
          />
          {fieldError('payments') && (
            <p id="payments-error" className="error small">
              {t(fieldError('payments') as Keys)}
            </p>
          )}
        </fieldset>

        <TextField
          id="return-policy"
          multiline
          label={t('returnPolicy')}
          hint={t('returnPolicyHint')}
          hintId="return-hint"
          value={form.returnPolicy}
          onChange={(returnPolicy) => edit({ returnPolicy })}
        />
        <TextField
          id="opening-hours"
          label={t('openingHours')}
          placeholder={t('openingHoursPlaceholder')}
          value={form.openingHours}
          onChange={(openingHours) => edit({ openingHours })}
        />
        <CountryField timeZone={form.timeZone} />
        <TextField
          id="shop-links"
          multiline
          dir="ltr"
          label={t('shopLinks')}
          hint={t('shopLinksHint')}
          placeholder="https://myshop.com"
          value={form.shopLinks}
          onChange={(shopLinks) => edit({ shopLinks })}
        />
        <TextField
          id="time-zone"
          dir="ltr"
          list="time-zones"
          label={t('timeZone')}
          error={fieldError('timeZone') ? t(fieldError('timeZone') as Keys) : null}
          errorId="tz-error"
          value={form.timeZone}
          onChange={(timeZone) => edit({ timeZone })}
        >
          <datalist id="time-zones">
            {COMMON_ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
        </TextField>
        <Check
          className="field-inline settings-check"
          label={t('introduce')}
          checked={form.introduceAsAssistant}
          onChange={(introduceAsAssistant) => edit({ introduceAsAssistant })}
        />
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
              <Check
                key={choice}
                type="radio"
                name="pacing"
                value={choice}
                label={t(`pacing_${choice}` as Keys)}
                checked={form.pacing === choice}
                onChange={() => edit({ pacing: choice })}
              />
            ))}
          </div>
          <p className="muted small">{t('pacingProactive')}</p>
        </fieldset>

        <SaveBar saving={saving} saved={saved} error={error} invalid={showErrors && Object.keys(errors).length > 0} t={t} />
      </form>
      <JobFailures />
      <DesktopSection />
      <SyncSection />
    </PageSection>
  );
}
