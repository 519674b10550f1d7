import { useState } from 'react';
import type { WaAccountView } from '../../../../shared/domain/whatsapp';
import { useT, useTn } from '../../i18n/use-t';
import { useNoticeWords } from '../notices/word-notice';
import { AnswerPolicyForm } from './AnswerPolicyForm';
import type { ConnectStore } from './connect-store';
import { disconnectedTooLong } from './connect-model';
import { strings } from './i18n';

const DOT: Record<WaAccountView['status'], string> = {
  connected: 'dot-connected',
  connecting: 'dot-connecting',
  qr_ready: 'dot-connecting',
  disconnected: 'dot-disconnected',
  logged_out: 'dot-disconnected',
  banned: 'dot-disconnected',
  error: 'dot-disconnected',
};

/** One linked number: status, phone, today's counts, warnings, controls and who-the-bot-answers. */
export function AccountCard({ store, account, now }: { store: ConnectStore; account: WaAccountView; now: number }) {
  const t = useT(strings);
  const tn = useTn(strings);
  const word = useNoticeWords();
  const [showPolicy, setShowPolicy] = useState(false);
  const s = store.getState();
  const canReconnect =
    account.linkedAt !== null && account.status !== 'connected' && account.status !== 'connecting' && account.status !== 'banned';
  // A number that never finished linking is retried on this same card.
  const canRetryLink = account.linkedAt === null && (account.status === 'disconnected' || account.status === 'error');
  return (
    <article className="connect-card" aria-label={account.phone ?? account.label}>
      <div className="connect-account-head">
        <div>
          <div className="connect-phone">{account.phone ?? account.label}</div>
          <span className="connect-status">
            <span className={`dot ${DOT[account.status]}`} aria-hidden="true" />
            {t(`status_${account.status}`)}
          </span>
          {account.detail && (
            <p className="muted small" data-testid="account-detail">
              {word('whatsapp', account.detail)}
            </p>
          )}
        </div>
        <div className="actions">
          {canRetryLink && (
            <button type="button" className="primary" data-testid="retry-link" onClick={() => void s.retryLink(account.accountId)}>
              {t('tryAgain')}
            </button>
          )}
          {canReconnect && (
            <button type="button" onClick={() => void s.connect(account.accountId)}>
              {t('connect')}
            </button>
          )}
          {(account.status === 'connected' || account.status === 'connecting') && (
            <button type="button" onClick={() => void s.disconnect(account.accountId)}>
              {t('disconnect')}
            </button>
          )}
          <button
            type="button"
            className="danger-outline"
            onClick={() => {
              if (window.confirm(t('confirmRemove'))) void s.remove(account.accountId);
            }}
          >
            {t('remove')}
          </button>
        </div>
      </div>
      {disconnectedTooLong(account, now) && (
        <p className="banner banner-danger" role="alert">
          {t('downWarning')}
        </p>
      )}
      <p className="muted">{t('today', { received: account.today.received, sent: account.today.sent })}</p>
      {account.ramp?.newChatsPerDay && (
        <p className="muted small">
          {t('ramp', { day: account.ramp.day, pct: Math.round(account.ramp.rateFactor * 100), chats: account.ramp.newChatsPerDay })}
        </p>
      )}
      {account.decryptFailures > 0 && <p className="muted small">{tn('decrypt', account.decryptFailures)}</p>}
      <button type="button" aria-expanded={showPolicy} onClick={() => setShowPolicy(!showPolicy)}>
        {t('whoTitle')}
      </button>
      {showPolicy && <AnswerPolicyForm store={store} accountId={account.accountId} />}
    </article>
  );
}
