import { useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import type { ConversationStatus } from '../../../../shared/domain/schemas';
import { useServices } from '../../app/services-context';
import { Icon } from '../../components/Icon';
import { useT, useTn } from '../../i18n/use-t';
import { strings as deviceStrings } from '../device/i18n';
import { ConversationList } from './ConversationList';
import { strings } from './i18n';
import { TestPhone } from './TestPhone';
import { ThreadView } from './ThreadView';

const FILTERS: readonly (ConversationStatus | null)[] = [null, 'open', 'waiting_human', 'pending_approval', 'resolved'];

/** Conversations on the start side, the open one in the middle, the test phone on demand. */
export function InboxPage() {
  const t = useT(strings);
  const tn = useTn(strings);
  const { inbox, testPhone, device } = useServices();
  const filter = useStore(inbox, (s) => s.filter);
  const total = useStore(inbox, (s) => s.total);
  const totalCapped = useStore(inbox, (s) => s.totalCapped);
  const error = useStore(inbox, (s) => s.error);
  const errorCode = useStore(inbox, (s) => s.errorCode);
  const td = useT(deviceStrings);
  const phoneOpen = useStore(testPhone, (s) => s.open);
  const hasSelection = useStore(inbox, (s) => s.selectedId !== null);
  const { setFilter, clearError } = inbox.getState();
  const [query, setQuery] = useState(filter.query);
  const searchId = useId();

  // Search as the seller types, once they pause.
  useEffect(() => {
    if (query === inbox.getState().filter.query) return;
    const timer = setTimeout(() => setFilter({ query }), 250);
    return () => clearTimeout(timer);
  }, [query, inbox, setFilter]);

  return (
    <div className={`inbox${phoneOpen ? ' with-phone' : ''}`} data-testid="inbox" data-selected={hasSelection}>
      <section className="inbox-list" aria-labelledby="inbox-title">
        <header className="inbox-list-header">
          <div className="row-between">
            <h1 id="inbox-title">{t('title')}</h1>
            {/* The test phone is the computer's: a paired phone is the seller's, not a customer's. */}
            {!device && (
              <button
                type="button"
                className={phoneOpen ? 'primary' : ''}
                aria-pressed={phoneOpen}
                onClick={() => testPhone.getState().setOpen(!phoneOpen)}
                data-testid="toggle-test-phone"
              >
                <Icon name="phone" size={16} /> {t('testPhone')}
              </button>
            )}
          </div>
          <div className="search">
            <label htmlFor={searchId} className="visually-hidden">
              {t('search')}
            </label>
            <Icon name="search" size={16} />
            <input
              id={searchId}
              type="search"
              dir="auto"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder={t('search')}
              data-testid="inbox-search"
            />
          </div>
          <div className="filters" role="group" aria-label={t('title')}>
            {FILTERS.map((status) => (
              <button
                key={status ?? 'all'}
                type="button"
                className="chip"
                aria-pressed={filter.status === status}
                onClick={() => setFilter({ status })}
                data-testid={`filter-${status ?? 'all'}`}
              >
                {t(status ? `filter.${status}` : 'filter.all')}
              </button>
            ))}
          </div>
          <p className="muted small" data-testid="inbox-count">
            {tn('count', total, totalCapped ? { count: `${total}+` } : undefined)}
          </p>
        </header>
        <ConversationList />
      </section>
      <ThreadView />
      {phoneOpen && <TestPhone />}
      {error && (
        <div className="toast" role="alert">
          {/* On the phone, a command that no longer applies (approved meanwhile on the computer) says so in words. */}
          <span dir="auto" data-testid="inbox-error">
            {device && errorCode === 'conflict' ? td('alreadyDone') : error}
          </span>
          <button type="button" onClick={clearError}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
