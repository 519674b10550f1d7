import { useId } from 'react';
import { LOCALES, LOCALE_INFO, isLocale } from '../../i18n/define';
import { useLocale, useSetLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';

export function LanguagePicker() {
  const t = useT(strings);
  const locale = useLocale();
  const setLocale = useSetLocale();
  const id = useId();
  return (
    <div className="field-inline">
      <label htmlFor={id}>{t('language')}</label>
      <select
        id={id}
        data-testid="language-picker"
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_INFO[l].label}
          </option>
        ))}
      </select>
    </div>
  );
}
