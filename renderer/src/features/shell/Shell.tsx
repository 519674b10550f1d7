import { useEffect } from 'react';
import { useDeepLinks } from '../../app/deep-links';
import { useServices } from '../../app/services-context';
import { DEVICE_PAGES } from '../device/device-pages';
import { NoticeToasts } from '../../app/notices/NoticeToasts';
import { useT } from '../../i18n/use-t';
import { pages } from '../pages';
import { NewOrderToast } from '../orders/NewOrderToast';
import { LanguagePicker } from './LanguagePicker';
import { LlmHealthBanner } from './LlmHealthBanner';
import { Nav } from './Nav';
import { ShopSwitcher } from './ShopSwitcher';
import { StatusBar } from './StatusBar';
import { strings } from './i18n';
import { useHashPage } from './use-hash-page';

/** The frame around every page: brand, shop, navigation, language, connection state. */
export function Shell() {
  const t = useT(strings);
  const [pageId, go] = useHashPage();
  const { device } = useServices();
  // A paired phone shows what it may act on: the inbox and the orders.
  const shown = device ? pages.filter((p) => DEVICE_PAGES.includes(p.id)) : pages;
  const page = shown.find((p) => p.id === pageId) ?? shown.find((p) => p.id === 'inbox') ?? shown[0];
  // `#/inbox/12`, `#/orders/7`, `#/inbox?status=waiting_human`: what the tray and the notifications open.
  useDeepLinks();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const target = shown[Number(e.key) - 1];
      if (target) {
        e.preventDefault();
        go(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, shown]);

  if (!page) return null;
  const Page = page.component;
  return (
    <div className="shell" data-testid="app-ready" data-page={page.id}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <aside className="sidebar">
        <div className="brand">
          <img src="./favicon.svg" alt="" width="28" height="28" />
          <span>{t('appName')}</span>
        </div>
        <ShopSwitcher />
        <Nav current={page.id} list={shown} />
        <div className="sidebar-bottom">
          <LanguagePicker />
        </div>
      </aside>
      <main id="main" className="main" tabIndex={-1}>
        {!device && <LlmHealthBanner />}
        <Page />
      </main>
      <NewOrderToast />
      <NoticeToasts />
      <StatusBar />
    </div>
  );
}
