import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { SHOP_COUNTRIES, currencyOfCountry } from '../../../../shared/domain/country';
import { useServices } from '../../app/services-context';
import { CurrencyField, ShopNameField } from '../../components/ShopFields';
import { countryName } from '../../i18n/country-name';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { type StepNav, StepFrame } from './StepFrame';
import { strings } from './i18n';

/** The time zone a shop in each country most likely keeps: "today" and quiet hours are the seller's. */
const TIME_ZONE_OF: Readonly<Record<string, string>> = {
  DZ: 'Africa/Algiers',
  MA: 'Africa/Casablanca',
  TN: 'Africa/Tunis',
  FR: 'Europe/Paris',
  IT: 'Europe/Rome',
  PT: 'Europe/Lisbon',
  BR: 'America/Sao_Paulo',
};

/**
 * Name, country and currency. The first pass creates the shop; coming back to the step edits it (core words its
 * validation; the message is shown as is).
 */
export function ShopStep({ nav }: { nav: StepNav }) {
  const t = useT(strings);
  const locale = useLocale();
  const { client, session, wizard } = useServices();
  const shopId = useStore(wizard, (s) => s.shopId);
  const existing = useStore(session, (s) => s.shops?.find((x) => x.id === shopId) ?? null);
  const [name, setName] = useState(existing?.name ?? '');
  const [country, setCountry] = useState(existing?.country ?? 'DZ');
  const [currency, setCurrency] = useState(existing?.currency ?? currencyOfCountry('DZ'));
  const ids = { name: useId(), country: useId(), currency: useId() };

  const submit = async () => {
    let shop = existing;
    if (!shop) {
      shop = await session.getState().createShop({ name, currency });
      wizard.getState().shopCreated(shop.id);
    } else {
      if (shop.name !== name.trim()) shop = await client.send('shops/rename', { shopId: shop.id, name });
      if (shop.currency !== currency) shop = await client.send('shops/set-currency', { shopId: shop.id, currency });
    }
    if (shop.country !== country) {
      shop = await client.send('shops/set-country', { shopId: shop.id, country });
      const timeZone = TIME_ZONE_OF[country];
      if (timeZone) await client.send('settings/update', { shopId: shop.id, patch: { facts: { timeZone } } });
    }
    session.getState().applyShop(shop);
  };

  return (
    <StepFrame title={t('shopTitle')} body={t('shopBody')} nav={nav} submit={submit}>
      <ShopNameField id={ids.name} label={t('shopName')} value={name} onChange={setName} autoComplete="organization" />
      <div className="wizard-row">
        <div className="field">
          <label htmlFor={ids.country}>{t('country')}</label>
          <select
            id={ids.country}
            name="country"
            value={country}
            onChange={(e) => {
              setCountry(e.target.value);
              // The country's currency is the likely one; the seller can still pick another.
              setCurrency(currencyOfCountry(e.target.value));
            }}
          >
            {SHOP_COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {countryName(c, locale)}
              </option>
            ))}
          </select>
        </div>
        <CurrencyField id={ids.currency} label={t('currency')} value={currency} locale={locale} onChange={setCurrency} />
      </div>
    </StepFrame>
  );
}
