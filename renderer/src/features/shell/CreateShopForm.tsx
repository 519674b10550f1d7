import { type FormEvent, useId, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { CurrencyField, ShopNameField } from '../../components/ShopFields';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import { useErrorWords } from '../notices/error-words';

/** Name + currency (picked from the ISO 4217 list); core validates both, and a refusal is worded from its code. */
export function CreateShopForm({ onDone, onCancel }: { onDone?: () => void; onCancel?: () => void }) {
  const errorText = useErrorWords();
  const t = useT(strings);
  const locale = useLocale();
  const { session } = useServices();
  const createShop = useStore(session, (s) => s.createShop);
  const [name, setName] = useState('');
  const [currency, setCurrency] = useState('DZD');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const currencyId = useId();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await createShop({ name, currency: currency.trim().toUpperCase() });
      setError(null);
      onDone?.();
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="create-shop" onSubmit={submit} data-testid="create-shop-form">
      <ShopNameField id={nameId} label={t('shopName')} value={name} onChange={setName} autoFocus />
      <CurrencyField id={currencyId} label={t('currency')} value={currency} locale={locale} onChange={setCurrency} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('createShop')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
