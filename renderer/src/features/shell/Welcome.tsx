import { useT } from '../../i18n/use-t';
import { CreateShopForm } from './CreateShopForm';
import { LanguagePicker } from './LanguagePicker';
import { StatusBar } from './StatusBar';
import { strings } from './i18n';

/** First run on an empty data folder: pick a language, name the shop. */
export function Welcome() {
  const t = useT(strings);
  return (
    <div className="welcome" data-testid="app-ready" data-page="welcome">
      <div className="welcome-card">
        <div className="brand brand-large">
          <img src="./favicon.svg" alt="" width="40" height="40" />
          <span>{t('appName')}</span>
        </div>
        <LanguagePicker />
        <h1>{t('welcomeTitle')}</h1>
        <p className="muted">{t('welcomeBody')}</p>
        <CreateShopForm />
      </div>
      <StatusBar />
    </div>
  );
}
