import { type FormEvent, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';

interface Draft {
  id?: number;
  name: string;
  text: string;
}

/** Add, edit and delete the seller's canned answers (stored in core per shop). */
export function QuickRepliesManager({ onClose }: { onClose: () => void }) {
  const t = useT(strings);
  const { inbox } = useServices();
  const quickReplies = useStore(inbox, (s) => s.quickReplies);
  const save = useStore(inbox, (s) => s.saveQuickReply);
  const remove = useStore(inbox, (s) => s.deleteQuickReply);
  const [draft, setDraft] = useState<Draft>({ name: '', text: '' });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (await save(draft)) setDraft({ name: '', text: '' });
  };

  return (
    <Dialog labelledBy="qr-title" onClose={onClose} testId="quick-replies-dialog">
      <header className="dialog-header">
        <h2 id="qr-title">{t('quickReplies')}</h2>
        <button type="button" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      <p className="muted">{t('quickRepliesHint')}</p>
      {quickReplies.length === 0 ? (
        <p className="muted">{t('qrNone')}</p>
      ) : (
        <ul className="qr-list">
          {quickReplies.map((q) => (
            <li key={q.id}>
              <div>
                <strong>/{q.name}</strong>
                <p dir="auto">{q.text}</p>
              </div>
              <div className="actions">
                <button type="button" onClick={() => setDraft({ id: q.id, name: q.name, text: q.text })}>
                  {t('edit')}
                </button>
                <button type="button" className="danger" onClick={() => void remove(q.id)}>
                  {t('qrDelete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form className="qr-form" onSubmit={submit}>
        <label>
          {t('qrName')}
          <input
            name="qr-name"
            data-autofocus
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            required
            maxLength={40}
            dir="auto"
          />
        </label>
        <label>
          {t('qrText')}
          <textarea
            name="qr-text"
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            required
            rows={3}
            dir="auto"
          />
        </label>
        <div className="actions">
          <button type="submit" className="primary">
            {draft.id ? t('qrSave') : t('qrAdd')}
          </button>
          {draft.id && (
            <button type="button" onClick={() => setDraft({ name: '', text: '' })}>
              {t('cancel')}
            </button>
          )}
        </div>
      </form>
    </Dialog>
  );
}
