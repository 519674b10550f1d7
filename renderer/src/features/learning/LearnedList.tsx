import { useState } from 'react';
import type { LearnedEntry } from '../../../../shared/domain/learning';
import { useServices } from '../../app/services-context';
import type { T } from '../../i18n/use-t';
import type { strings } from './i18n';
import { percent } from './learning-model';

type Key = keyof (typeof strings)['en'];

interface Props {
  shopId: number;
  entries: LearnedEntry[];
  t: T<Key>;
  /** Runs a contract action, then reloads the page's data (errors shown by the page). */
  run(action: () => Promise<unknown>): void;
}

/** Learned answers with approve / edit / dismiss, and the conversation each came from. */
export function LearnedList({ shopId, entries, t, run }: Props) {
  const { client, inbox } = useServices();
  const [editing, setEditing] = useState<{ id: number; question: string; answer: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const openConversation = (conversationId: number) => {
    void inbox.getState().select(conversationId);
    window.location.hash = '#/inbox';
  };

  if (entries.length === 0) return <p className="muted">{t('empty')}</p>;
  return (
    <ul className="knowledge-list" aria-label={t('reviewTitle')}>
      {entries.map((e) =>
        editing?.id === e.knowledgeId ? (
          <li key={e.knowledgeId} className="knowledge-item">
            <form
              className="knowledge-form"
              onSubmit={(ev) => {
                ev.preventDefault();
                if (!editing.question.trim() || !editing.answer.trim()) return setError(t('required'));
                setError(null);
                run(async () => {
                  await client.send('knowledge/save', {
                    shopId,
                    id: e.knowledgeId,
                    question: editing.question,
                    answer: editing.answer,
                    keywords: e.keywords,
                  });
                  setEditing(null);
                });
              }}
            >
              <div className="field">
                <label htmlFor={`lq-${e.knowledgeId}`}>{t('question')}</label>
                <input
                  id={`lq-${e.knowledgeId}`}
                  dir="auto"
                  value={editing.question}
                  onChange={(ev) => setEditing({ ...editing, question: ev.target.value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`la-${e.knowledgeId}`}>{t('answer')}</label>
                <textarea
                  id={`la-${e.knowledgeId}`}
                  dir="auto"
                  value={editing.answer}
                  onChange={(ev) => setEditing({ ...editing, answer: ev.target.value })}
                />
              </div>
              {error && (
                <p className="error" role="alert">
                  {error}
                </p>
              )}
              <div className="actions">
                <button type="submit" className="primary">
                  {t('save')}
                </button>
                <button type="button" onClick={() => setEditing(null)}>
                  {t('cancel')}
                </button>
              </div>
            </form>
          </li>
        ) : (
          <li key={e.knowledgeId} className={`knowledge-item ${e.status}`}>
            <strong dir="auto">{e.question}</strong>
            <p dir="auto">{e.answer}</p>
            <p className="muted small">
              {t('entryMeta', {
                kind: t(e.kind === 'qa' ? 'kind_qa' : 'kind_objection'),
                category: e.category,
                confidence: percent(e.confidence),
                support: e.support,
              })}
            </p>
            <div className="actions">
              {e.status !== 'active' && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => run(() => client.send('knowledge/set-status', { shopId, id: e.knowledgeId, status: 'active' }))}
                >
                  {t('approve')}
                </button>
              )}
              <button type="button" onClick={() => setEditing({ id: e.knowledgeId, question: e.question, answer: e.answer })}>
                {t('edit')}
              </button>
              {e.status !== 'dismissed' && (
                <button
                  type="button"
                  onClick={() => run(() => client.send('knowledge/set-status', { shopId, id: e.knowledgeId, status: 'dismissed' }))}
                >
                  {t('dismiss')}
                </button>
              )}
              {e.conversationId !== null && (
                <button type="button" className="link" onClick={() => openConversation(e.conversationId!)}>
                  {t('openConversation')}
                </button>
              )}
            </div>
          </li>
        ),
      )}
    </ul>
  );
}
