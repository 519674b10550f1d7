import { type KeyboardEvent, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import { insertQuickReply, matchQuickReplies, slashQueryAt } from './inbox-model';
import { checkPhoto, toBase64 } from './media-model';
import './media.css';

/**
 * The seller's reply box. Typing `/` + a name offers the matching quick replies; Enter or Tab
 * inserts the highlighted one, Enter alone sends, Shift+Enter starts a new line.
 */
export function ReplyBar({ onManage }: { onManage: () => void }) {
  const t = useT(strings);
  const { inbox } = useServices();
  const quickReplies = useStore(inbox, (s) => s.quickReplies);
  const reply = useStore(inbox, (s) => s.reply);
  const replyPhoto = useStore(inbox, (s) => s.replyPhoto);
  const photoInput = useRef<HTMLInputElement>(null);
  const [photoProblem, setPhotoProblem] = useState<'type' | 'size' | null>(null);
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const [highlight, setHighlight] = useState(0);
  const [sending, setSending] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);

  const slash = slashQueryAt(text, caret);
  const matches = slash ? matchQuickReplies(quickReplies, slash.query) : [];
  const open = matches.length > 0;

  const choose = (index: number) => {
    const picked = matches[index];
    if (!slash || !picked) return;
    const next = insertQuickReply(text, slash.start, caret, picked);
    setText(next.text);
    setCaret(next.caret);
    requestAnimationFrame(() => {
      ref.current?.focus();
      ref.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const send = async () => {
    const body = text.trim();
    if (!body || sending) return;
    setSending(true);
    const ok = await reply(body);
    setSending(false);
    if (ok) {
      setText('');
      setCaret(0);
    }
  };

  /** The picked photo goes out with the reply box's text as its caption. */
  const sendPhoto = async (file: File | undefined) => {
    if (!file || sending) return;
    const checked = checkPhoto(file);
    setPhotoProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) return;
    setSending(true);
    const dataBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
    const ok = await replyPhoto({ mime: checked.mime, dataBase64, caption: text.trim() });
    setSending(false);
    if (ok) {
      setText('');
      setCaret(0);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      e.preventDefault();
      setHighlight((h) => (h + (e.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length);
      return;
    }
    if (open && (e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) {
      e.preventDefault();
      choose(Math.min(highlight, matches.length - 1));
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      void send();
    }
  };

  return (
    <div className="reply-bar">
      {open && (
        <ul className="quick-suggestions" role="listbox" aria-label={t('quickReplies')} data-testid="quick-suggestions">
          {matches.map((q, i) => (
            <li key={q.id} role="option" aria-selected={i === highlight}>
              <button type="button" onMouseDown={(e) => e.preventDefault()} onClick={() => choose(i)}>
                <strong>/{q.name}</strong> <span dir="auto">{q.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <textarea
        ref={ref}
        className="reply-input"
        data-testid="reply-input"
        dir="auto"
        rows={2}
        value={text}
        aria-label={t('replyLabel')}
        placeholder={t('replyPlaceholder')}
        onChange={(e) => {
          setText(e.target.value);
          setCaret(e.target.selectionStart);
          setHighlight(0);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {photoProblem && (
        <p className="error" role="alert" data-testid="photo-problem">
          {t(photoProblem === 'type' ? 'media.photoType' : 'media.photoSize')}
        </p>
      )}
      <div className="reply-actions">
        <button type="button" onClick={onManage} data-testid="manage-quick-replies">
          {t('quickReplies')}
        </button>
        <input
          ref={photoInput}
          className="reply-photo-input"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          data-testid="reply-photo-input"
          aria-label={t('media.sendPhotoLabel')}
          onChange={(e) => {
            const input = e.currentTarget;
            void sendPhoto(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
        <button
          type="button"
          onClick={() => photoInput.current?.click()}
          className="reply-photo"
          disabled={sending}
          title={t('media.sendPhotoLabel')}
          data-testid="reply-photo"
        >
          <Icon name="photo" size={16} /> {t('media.sendPhoto')}
        </button>
        <button type="button" className="primary" onClick={() => void send()} disabled={!text.trim() || sending} data-testid="reply-send">
          <Icon name="send" size={16} /> {t('send')}
        </button>
      </div>
    </div>
  );
}
