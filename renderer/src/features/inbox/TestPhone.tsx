import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';

/**
 * The seller's test phone: a customer's WhatsApp screen. Messages the customer typed sit on
 * the end side (as on their phone), the shop's answers on the start side; one bubble per id.
 */
export function TestPhone() {
  const t = useT(strings);
  const { testPhone } = useServices();
  const thread = useStore(testPhone, (s) => s.thread);
  const from = useStore(testPhone, (s) => s.from);
  const sending = useStore(testPhone, (s) => s.sending);
  const error = useStore(testPhone, (s) => s.error);
  const { send, setFrom } = testPhone.getState();
  const [text, setText] = useState('');
  const endRef = useRef<HTMLDivElement>(null);
  const numberId = useId();

  useEffect(() => {
    endRef.current?.scrollIntoView({ block: 'end' });
  }, [thread.length]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const sent = text.trim();
    if (!sent) return;
    // Only what was sent is cleared: the seller may have typed the next message while this one was on its way.
    if (await send(sent)) setText((current) => (current.trim() === sent ? '' : current));
  };

  return (
    <aside className="test-phone" aria-label={t('testPhone')} data-testid="test-phone">
      <button type="button" className="thread-back" onClick={() => testPhone.getState().setOpen(false)}>
        {t('closePhone')}
      </button>
      <div className="phone-frame">
        <div className="phone-top">
          <Icon name="phone" size={16} />
          <label htmlFor={numberId}>{t('testPhoneNumber')}</label>
          <input
            id={numberId}
            dir="ltr"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            inputMode="tel"
            maxLength={16}
            data-testid="test-phone-number"
          />
        </div>
        <div className="phone-screen">
          {thread.length === 0 && <p className="phone-hint">{t('testPhoneEmpty')}</p>}
          <ol className="phone-messages">
            {thread.map((m) => (
              // Directions are the phone's own: 'out' is what this customer typed, so it sits on the end side.
              <li
                key={m.id}
                className={`phone-bubble ${m.direction === 'out' ? 'mine' : 'theirs'}`}
                data-testid="phone-message"
                data-direction={m.direction}
                dir="auto"
              >
                {m.text}
              </li>
            ))}
          </ol>
          <div ref={endRef} />
        </div>
        <form className="phone-input" onSubmit={submit}>
          <input
            dir="auto"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder={t('testPhonePlaceholder')}
            aria-label={t('testPhonePlaceholder')}
            data-testid="test-phone-input"
          />
          <button
            type="submit"
            className="primary round"
            disabled={sending || !text.trim()}
            aria-label={t('send')}
            data-testid="test-phone-send"
          >
            <Icon name="send" size={16} />
          </button>
        </form>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <p className="muted small">{t('testPhoneHint')}</p>
    </aside>
  );
}
