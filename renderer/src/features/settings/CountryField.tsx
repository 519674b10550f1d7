import { useState } from 'react';
import { useStore } from 'zustand';
import { SHOP_COUNTRIES, deriveCountry } from '../../../../shared/domain/country';
import { useServices } from '../../app/services-context';
import { countryName } from '../../i18n/country-name';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';

/**
 * The shop's country: which cities, phone formats and Darija the bot knows first. "Automatic"
 * shows what the currency and time zone give. Saved at once through `shops/set-country`.
 */
export function CountryField({ timeZone }: { timeZone: string }) {
  const t = useT(strings);
  const locale = useLocale();
  const { client, session } = useServices();
  const shop = useStore(session, (s) => s.shops?.find((x) => x.id === s.shopId) ?? null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'error'>('idle');
  if (!shop) return null;
  const derived = deriveCountry(shop.currency, timeZone);
  const choose = async (value: string) => {
    setStatus('saving');
    try {
      const updated = await client.send('shops/set-country', { shopId: shop.id, country: value === '' ? null : value });
      session.getState().applyShop(updated);
      setStatus('saved');
    } catch {
      setStatus('error');
    }
  };
  return (
    <div className="field">
      <label htmlFor="shop-country">{t('country')}</label>
      <select
        id="shop-country"
        value={shop.country ?? ''}
        onChange={(e) => void choose(e.target.value)}
        aria-describedby="country-hint"
        disabled={status === 'saving'}
      >
        <option value="">{t('countryAuto', { country: countryName(derived, locale) })}</option>
        {SHOP_COUNTRIES.map((c) => (
          <option key={c} value={c}>
            {countryName(c, locale)}
          </option>
        ))}
      </select>
      <span id="country-hint" className="muted small" role="status" aria-live="polite">
        {status === 'saved' ? t('countrySaved') : status === 'error' ? t('countryError') : t('countryHint')}
      </span>
    </div>
  );
}
