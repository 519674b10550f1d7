import { useEffect, useState } from 'react';
import type { WaContact } from '../../../../shared/domain/whatsapp';
import { useT } from '../../i18n/use-t';
import type { ConnectStore } from './connect-store';
import { jidToPhone } from './connect-model';
import { strings } from './i18n';

/** Fills the excluded list from the contacts synced from the phone. */
export function ContactPicker({ store, accountId, onPick }: { store: ConnectStore; accountId: number; onPick(phone: string): void }) {
  const t = useT(strings);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<WaContact[]>([]);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      void store
        .getState()
        .searchContacts(accountId, query)
        .then((contacts) => {
          if (live) setFound(contacts.slice(0, 20));
        });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [store, accountId, query]);
  return (
    <details>
      <summary>{t('fromContacts')}</summary>
      <input
        type="search"
        aria-label={t('searchContacts')}
        placeholder={t('searchContacts')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ul className="connect-contacts">
        {found.map((c) => (
          <li key={c.jid}>
            <span>{c.name ?? ''}</span> <span className="connect-phone">{jidToPhone(c.jid)}</span>{' '}
            <button type="button" onClick={() => onPick(jidToPhone(c.jid))}>
              {t('add')}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
