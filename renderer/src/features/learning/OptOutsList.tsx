import { useCallback, useEffect, useState } from 'react';
import type { OptedOutCustomer } from '../../../../shared/domain/learning';
import { useServices } from '../../app/services-context';
import { useLocale } from '../../i18n/locale';
import type { T } from '../../i18n/use-t';
import { formatWhen } from '../inbox/format';
import type { strings } from './i18n';
import { useErrorWords } from '../notices/error-words';

type Key = keyof (typeof strings)['en'];

/**
 * Customers who said stop: no follow-up reaches them. The seller opts one back in only when the
 * customer asked to hear from the shop again (a confirmation says so); a new "stop" re-arms it.
 */
export function OptOutsList({ shopId, t, onError }: { shopId: number; t: T<Key>; onError(message: string): void }) {
  const errorText = useErrorWords();
  const { client, inbox } = useServices();
  const locale = useLocale();
  const [customers, setCustomers] = useState<OptedOutCustomer[] | null>(null);

  const load = useCallback(async () => {
    try {
      setCustomers(await client.send('learning/list-opt-outs', { shopId }));
    } catch (err) {
      onError(errorText(err));
    }
  }, [client, shopId, onError]);
  useEffect(() => void load(), [load]);

  const optIn = (contactId: number) => {
    if (!window.confirm(t('optBackInConfirm'))) return;
    client
      .send('learning/opt-in', { shopId, contactId })
      .then(load)
      .catch((err: unknown) => onError(errorText(err)));
  };
  const openConversation = (conversationId: number) => {
    void inbox.getState().select(conversationId);
    window.location.hash = '#/inbox';
  };

  if (customers === null) return null;
  if (customers.length === 0) return <p className="muted">{t('optOutsEmpty')}</p>;
  return (
    <ul className="opt-outs-list" aria-label={t('optOutsTitle')}>
      {customers.map((c) => (
        <li key={c.contactId} className="knowledge-item opt-out">
          <strong>
            <bdi>{c.name ?? c.phone ?? `#${c.contactId}`}</bdi>
          </strong>
          {c.name && c.phone && (
            <span className="muted small" dir="ltr">
              {' '}
              {c.phone}
            </span>
          )}
          {c.text && <p className="small">“{c.text}”</p>}
          <p className="muted small">{t('optOutSince', { since: formatWhen(c.since, locale) })}</p>
          <div className="actions">
            <button type="button" onClick={() => optIn(c.contactId)}>
              {t('optBackIn')}
            </button>
            {c.conversationId !== null && (
              <button type="button" className="link" onClick={() => openConversation(c.conversationId!)}>
                {t('openConversation')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ul>
  );
}
