import { LOCALES, LOCALE_INFO } from '../../i18n/define';
import { useLocale, useSetLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { type StepNav, StepFrame } from './StepFrame';
import { strings } from './i18n';

/** Each language named in itself, so a seller finds theirs whatever the screen is in now. */
export function LanguageStep({ nav }: { nav: StepNav }) {
  const t = useT(strings);
  const locale = useLocale();
  const setLocale = useSetLocale();
  return (
    <StepFrame title={t('languageTitle')} body={t('languageBody')} nav={nav}>
      <fieldset className="wizard-choices wizard-languages">
        <legend className="visually-hidden">{t('languageTitle')}</legend>
        {LOCALES.map((l) => (
          <label key={l} className="wizard-choice" lang={l} dir={LOCALE_INFO[l].dir}>
            <input
              type="radio"
              name="locale"
              value={l}
              checked={locale === l}
              onChange={() => setLocale(l)}
              data-testid={`wizard-locale-${l}`}
            />
            <span>{LOCALE_INFO[l].label}</span>
          </label>
        ))}
      </fieldset>
    </StepFrame>
  );
}
