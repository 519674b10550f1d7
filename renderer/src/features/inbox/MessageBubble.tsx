import { useState } from 'react';
import type { Message } from '../../../../shared/domain/schemas';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { formatWhen } from './format';
import { MessageMedia } from './MessageMedia';
import { strings } from './i18n';
import { tickFor } from './inbox-model';

const TICK_GLYPH = { pending: '🕓', sent: '✓', delivered: '✓✓', read: '✓✓', failed: '!' } as const;

export interface DraftActions {
  approve(messageId: number, text?: string): void;
  reject(messageId: number): void;
}

/** One message: customer on the start side, the shop (bot or seller) on the end side. */
export function MessageBubble({ message: m, drafts }: { message: Message; drafts: DraftActions }) {
  const t = useT(strings);
  const locale = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const tick = m.direction === 'out' ? tickFor(m.status) : null;
  const isDraft = m.status === 'draft';
  const showText = !m.media || (m.text.trim() !== '' && m.text !== m.media.fileName);
  const classes = [
    'bubble',
    m.direction === 'in' ? 'bubble-in' : 'bubble-out',
    `author-${m.author}`,
    isDraft ? 'bubble-draft' : '',
    m.status === 'rejected' ? 'bubble-rejected' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <li className={classes} data-testid="message" data-direction={m.direction} data-author={m.author} data-status={m.status}>
      {isDraft && <p className="draft-label">{t('draft')}</p>}
      {m.status === 'rejected' && <p className="draft-label">{t('rejected')}</p>}
      <MessageMedia message={m} />
      {editing === null ? (
        // A voice note's transcript shows here, under its player; a document's name is already on its card.
        showText && (
          <p className="bubble-text" dir="auto" data-testid={m.media?.transcript ? 'media-transcript' : undefined}>
            {m.text}
          </p>
        )
      ) : (
        <textarea
          className="bubble-edit"
          dir="auto"
          value={editing}
          onChange={(e) => setEditing(e.target.value)}
          aria-label={t('edit')}
          rows={3}
        />
      )}
      {m.error && m.status === 'failed' && (
        <p className="bubble-error" dir="auto">
          {m.error}
        </p>
      )}
      <p className="bubble-meta">
        {m.direction === 'out' && <span className="bubble-author">{t(m.author === 'seller' ? 'author.seller' : 'author.bot')}</span>}
        <span>{formatWhen(m.createdAt, locale)}</span>
        {tick && (
          <span className={`tick tick-${tick}`} title={t(`tick.${tick}`)} aria-label={t(`tick.${tick}`)} data-testid="tick">
            {TICK_GLYPH[tick]}
          </span>
        )}
      </p>
      {isDraft && (
        <div className="draft-actions">
          {editing === null ? (
            <>
              <button type="button" className="primary" onClick={() => drafts.approve(m.id)}>
                {t('approve')}
              </button>
              <button type="button" onClick={() => setEditing(m.text)}>
                {t('edit')}
              </button>
              <button type="button" className="danger" onClick={() => drafts.reject(m.id)}>
                {t('reject')}
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="primary"
                disabled={!editing.trim()}
                onClick={() => {
                  drafts.approve(m.id, editing.trim());
                  setEditing(null);
                }}
              >
                {t('sendEdited')}
              </button>
              <button type="button" onClick={() => setEditing(null)}>
                {t('cancel')}
              </button>
            </>
          )}
        </div>
      )}
    </li>
  );
}
