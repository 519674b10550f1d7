import { useEffect, useMemo } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { useNoticeWords } from '../notices/word-notice';
import { AccountCard } from './AccountCard';
import { createConnectStore, wireConnectEvents } from './connect-store';
import { strings } from './i18n';
import { LinkPanel } from './LinkPanel';
import { useNow } from './use-now';
import './connect.css';

/** Link WhatsApp numbers and run them: QR or pairing code, status, controls, who the bot answers. */
export function ConnectPage() {
  const t = useT(strings);
  const word = useNoticeWords();
  const { client, session, pushed } = useServices();
  const store = useMemo(() => createConnectStore({ client }), [client]);
  const shopId = useStore(session, (s) => s.shopId);
  const accounts = useStore(store, (s) => s.accounts);
  const error = useStore(store, (s) => s.error);
  const now = useNow();

  useEffect(() => wireConnectEvents(pushed, store), [pushed, store]);
  useEffect(() => store.getState().setShop(shopId), [store, shopId]);

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {error && (
        <p className="banner banner-danger" role="alert">
          {error.startsWith('error.') ? word('error', { code: error.slice('error.'.length), params: {} }) : error}
        </p>
      )}
      <LinkPanel store={store} />
      <h2>{t('numbers')}</h2>
      {accounts && accounts.length === 0 && <p className="muted">{t('none')}</p>}
      {accounts?.map((account) => (
        <AccountCard key={account.accountId} store={store} account={account} now={now} />
      ))}
    </section>
  );
}
