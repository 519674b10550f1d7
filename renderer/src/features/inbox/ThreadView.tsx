import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { PARKED_REASON } from '../../../../shared/domain/escalation';
import { useT } from '../../i18n/use-t';
import { useNoticeWords } from '../notices/word-notice';
import { displayJid } from './format';
import { strings } from './i18n';
import { DeleteCustomer } from './DeleteCustomer';
import { MessageBubble } from './MessageBubble';
import { QuickRepliesManager } from './QuickRepliesManager';
import { ProfilePanel } from '../learning/ProfilePanel';
import { ReplyBar } from './ReplyBar';
import { OrderSidePanel } from '../orders/OrderSidePanel';

/** One conversation: who, why it needs the seller, its messages, and the seller's controls. */
export function ThreadView() {
  const t = useT(strings);
  const word = useNoticeWords();
  const { inbox, orders, device } = useServices();
  const selected = useStore(inbox, (s) => s.selected);
  const messages = useStore(inbox, (s) => s.messages);
  const loading = useStore(inbox, (s) => s.messagesLoading);
  const blocked = useStore(inbox, (s) => (s.selected ? (s.blocked[s.selected.contactId] ?? false) : false));
  const actions = inbox.getState();
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [managing, setManaging] = useState(false);
  const endRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [messages.length, selected?.id]);
  useEffect(() => setConfirmBlock(false), [selected?.id]);

  if (!selected) return <div className="thread thread-empty muted">{t('pickOne')}</div>;

  const name = selected.contactName ?? displayJid(selected.contactJid);
  const drafts = {
    approve: (id: number, text?: string) => void actions.approveDraft(id, text),
    reject: (id: number) => void actions.rejectDraft(id),
  };

  return (
    <section
      className="thread"
      aria-labelledby="thread-title"
      data-testid="thread"
      data-takeover={selected.takeover}
      data-status={selected.status}
    >
      <header className="thread-header">
        {/* On a phone-width screen the thread replaces the list; this goes back to it. */}
        <button type="button" className="thread-back" data-testid="thread-back" onClick={() => void actions.select(null)}>
          {t('backToList')}
        </button>
        <div className="thread-who">
          <h2 id="thread-title">
            <bdi>{name}</bdi>
          </h2>
          {selected.contactName && (
            <span className="muted" dir="ltr">
              {displayJid(selected.contactJid)}
            </span>
          )}
        </div>
        <div className="thread-actions">
          <button
            type="button"
            className={selected.takeover ? '' : 'primary'}
            data-testid="toggle-takeover"
            onClick={() => void actions.setTakeover(!selected.takeover)}
          >
            {selected.takeover ? t('giveBack') : t('takeOver')}
          </button>
          {/* A paired phone may not resolve, block or erase: those stay on the computer (shared/sync/allowlist.ts). */}
          {!device && (
            <button
              type="button"
              data-testid="toggle-status"
              onClick={() => void actions.setStatus(selected.status === 'resolved' ? 'open' : 'resolved')}
            >
              {selected.status === 'resolved' ? t('reopen') : t('resolve')}
            </button>
          )}
          {device ? null : blocked ? (
            <button type="button" onClick={() => void actions.setBlocked(false)}>
              {t('unblock')}
            </button>
          ) : (
            <button type="button" className="danger-outline" onClick={() => setConfirmBlock(true)} data-testid="block">
              {t('block')}
            </button>
          )}
          {!device && <DeleteCustomer conversationId={selected.id} onDelete={actions.deleteCustomer} />}
        </div>
      </header>
      {confirmBlock && (
        <div className="banner banner-danger" role="alertdialog" aria-label={t('block')}>
          <span>{t('confirmBlock')}</span>
          <button
            type="button"
            className="danger"
            onClick={() => {
              setConfirmBlock(false);
              void actions.setBlocked(true);
            }}
          >
            {t('yesBlock')}
          </button>
          <button type="button" onClick={() => setConfirmBlock(false)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {selected.escalation.length > 0 && selected.status !== 'resolved' && (
        <div className="banner banner-warn" role="note" data-testid="escalation">
          {selected.escalationReason === PARKED_REASON
            ? t('parkedTurn')
            : t('escalated', { reason: selected.escalation.map((n) => word('escalation', n)).join(' ') })}
        </div>
      )}
      {selected.takeover && (
        <div className="banner banner-info" data-testid="takeover-banner">
          {t('takenOver')}
        </div>
      )}
      <OrderSidePanel store={orders} conversationId={selected.id} />
      <ProfilePanel key={`profile-${selected.contactId}`} shopId={selected.shopId} contactId={selected.contactId} />
      <div className="thread-scroll">
        {loading && <p className="muted">{t('loading')}</p>}
        <ol className="messages" aria-live="polite">
          {messages.map((m) => (
            <MessageBubble key={m.id} message={m} drafts={drafts} />
          ))}
        </ol>
        <div ref={endRef} />
      </div>
      <ReplyBar key={selected.id} onManage={() => setManaging(true)} />
      {managing && <QuickRepliesManager onClose={() => setManaging(false)} />}
    </section>
  );
}
