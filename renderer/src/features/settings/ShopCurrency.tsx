import { useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { CurrencySelect } from '../../components/CurrencySelect';
import { useLocale } from '../../i18n/use-locale';
import type { T } from '../../i18n/use-t';
import type { strings } from './i18n';
import { useErrorWords } from '../notices/error-words';

type Keys = keyof (typeof strings)['en'];

/** The shop's currency, picked from the list and saved at once (pushed `shops/changed` updates the session). */
export function ShopCurrency({ shopId, t }: { shopId: number; t: T<Keys> }) {
  const errorText = useErrorWords();
  const { client, session } = useServices();
  const locale = useLocale();
  const current = useStore(session, (s) => s.shops?.find((x) => x.id === shopId)?.currency ?? 'DZD');
  const [status, setStatus] = useState<string | null>(null);
  const change = async (currency: string) => {
    try {
      await client.send('shops/set-currency', { shopId, currency });
      setStatus(t('currencySaved'));
    } catch (err) {
      setStatus(errorText(err));
    }
  };
  return (
    <fieldset>
      <legend>{t('currencyTitle')}</legend>
      <div className="field">
        <label htmlFor="shop-currency">{t('currencyTitle')}</label>
        <CurrencySelect id="shop-currency" value={current} locale={locale} onChange={(c) => void change(c)} />
        <p className="muted small">{t('currencyHint')}</p>
        <p className="muted small" role="status" id="shop-currency-status">
          {status}
        </p>
      </div>
    </fieldset>
  );
}
