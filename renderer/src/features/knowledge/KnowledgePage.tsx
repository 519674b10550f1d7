import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { CallOutput } from '../../../../shared/contract';
import type { KnowledgeEntry, KnowledgeStatus } from '../../../../shared/domain/knowledge';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { DocumentsPanel } from './DocumentsPanel';
import { strings } from './i18n';
import { parseKeywords, scorePercent } from './knowledge-model';
import './knowledge.css';
import { useErrorWords } from '../notices/error-words';
import { NoShopPage } from '../../components/NoShopPage';

interface Draft {
  id?: number;
  question: string;
  answer: string;
  keywords: string;
}

/** The seller's FAQ: list, search, add, edit, approve or dismiss learned entries, and a test panel. */
export function KnowledgePage() {
  const errorText = useErrorWords();
  const t = useT(strings);
  const { client, session } = useServices();
  const shopId = useStore(session, (s) => s.shopId);
  const [entries, setEntries] = useState<KnowledgeEntry[] | null>(null);
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<KnowledgeStatus | ''>('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (shopId === null) return;
    try {
      setEntries(
        await client.send('knowledge/list', { shopId, ...(status ? { status } : {}), ...(query.trim() ? { query: query.trim() } : {}) }),
      );
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [client, shopId, status, query]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), 150);
    return () => clearTimeout(timer);
  }, [load]);

  if (shopId === null) {
    return <NoShopPage title={t('title')} message={t('noShop')} />;
  }

  const run = async (action: () => Promise<unknown>) => {
    try {
      await action();
      await load();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const saveDraft = (d: Draft) => {
    if (!d.question.trim() || !d.answer.trim()) return setError(t('required'));
    void run(async () => {
      await client.send('knowledge/save', {
        shopId,
        ...(d.id ? { id: d.id } : {}),
        question: d.question,
        answer: d.answer,
        keywords: parseKeywords(d.keywords),
      });
      setDraft(null);
    });
  };

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <TestPanel shopId={shopId} />
      <div className="catalog-toolbar">
        <input type="search" aria-label={t('search')} placeholder={t('search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        <label className="field-inline">
          <span>{t('status')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as KnowledgeStatus | '')}>
            <option value="">{t('all')}</option>
            <option value="active">{t('active')}</option>
            <option value="pending">{t('pending')}</option>
            <option value="dismissed">{t('dismissed')}</option>
          </select>
        </label>
        <button type="button" className="primary" onClick={() => setDraft({ question: '', answer: '', keywords: '' })}>
          {t('add')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {draft && !draft.id && <EntryForm draft={draft} onChange={setDraft} onSave={saveDraft} onCancel={() => setDraft(null)} />}
      {entries && entries.length === 0 && <p className="muted">{t('empty')}</p>}
      <ul className="knowledge-list">
        {entries?.map((e) =>
          draft?.id === e.id ? (
            <li key={e.id} className="knowledge-item">
              <EntryForm draft={draft} onChange={setDraft} onSave={saveDraft} onCancel={() => setDraft(null)} />
            </li>
          ) : (
            <li key={e.id} className={`knowledge-item ${e.status}`}>
              <strong dir="auto">{e.question}</strong>
              <p dir="auto">{e.answer}</p>
              {e.keywords.length > 0 && (
                <p className="muted small" dir="auto">
                  {e.keywords.join(', ')}
                </p>
              )}
              <p className="muted small">
                {t(e.status)}
                {e.source === 'learned' ? ` · ${t('learned')}` : ''}
              </p>
              <div className="actions">
                {e.status !== 'active' && (
                  <button
                    type="button"
                    onClick={() => void run(() => client.send('knowledge/set-status', { shopId, id: e.id, status: 'active' }))}
                  >
                    {t('approve')}
                  </button>
                )}
                {e.status === 'pending' && (
                  <button
                    type="button"
                    onClick={() => void run(() => client.send('knowledge/set-status', { shopId, id: e.id, status: 'dismissed' }))}
                  >
                    {t('dismiss')}
                  </button>
                )}
                <button
                  type="button"
                  onClick={() => setDraft({ id: e.id, question: e.question, answer: e.answer, keywords: e.keywords.join(', ') })}
                >
                  {t('edit')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    if (window.confirm(t('confirmDelete'))) void run(() => client.send('knowledge/delete', { shopId, id: e.id }));
                  }}
                >
                  {t('delete')}
                </button>
              </div>
            </li>
          ),
        )}
      </ul>
      <DocumentsPanel shopId={shopId} />
    </section>
  );
}

function EntryForm(props: { draft: Draft; onChange: (d: Draft) => void; onSave: (d: Draft) => void; onCancel: () => void }) {
  const t = useT(strings);
  const { draft } = props;
  const id = draft.id ?? 'new';
  return (
    <form
      className="knowledge-form knowledge-panel"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave(draft);
      }}
    >
      <div className="field">
        <label htmlFor={`kq-${id}`}>{t('question')}</label>
        <input id={`kq-${id}`} dir="auto" value={draft.question} onChange={(e) => props.onChange({ ...draft, question: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`ka-${id}`}>{t('answer')}</label>
        <textarea id={`ka-${id}`} dir="auto" value={draft.answer} onChange={(e) => props.onChange({ ...draft, answer: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={`kk-${id}`}>{t('keywords')}</label>
        <input id={`kk-${id}`} dir="auto" value={draft.keywords} onChange={(e) => props.onChange({ ...draft, keywords: e.target.value })} />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          {t('save')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** Asks as a customer would, through the same path as a WhatsApp message, and shows what the customer would get. */
function TestPanel({ shopId }: { shopId: number }) {
  const errorText = useErrorWords();
  const t = useT(strings);
  const { client } = useServices();
  const [question, setQuestion] = useState('');
  const [result, setResult] = useState<CallOutput<'knowledge/try'> | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="knowledge-panel" aria-labelledby="test-title">
      <h2 id="test-title">{t('testTitle')}</h2>
      <form
        className="catalog-toolbar"
        onSubmit={(e) => {
          e.preventDefault();
          if (!question.trim()) return;
          setBusy(true);
          client
            .send('knowledge/try', { shopId, question })
            .then((r) => {
              setResult(r);
              setError(null);
            })
            .catch((err: unknown) => setError(errorText(err)))
            .finally(() => setBusy(false));
        }}
      >
        <input
          aria-label={t('testTitle')}
          dir="auto"
          placeholder={t('testPlaceholder')}
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {busy ? t('trying') : t('ask')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <div role="status" aria-live="polite" id="knowledge-try-result">
          <p className="muted small">{t('customerGets')}</p>
          <p dir="auto" id="knowledge-try-reply">
            <strong>{result.reply ?? t('silent')}</strong>
          </p>
          {result.draft && <p className="muted small">{t('wouldDraft')}</p>}
          {result.escalation && (
            <p className="warning" id="knowledge-try-escalation" dir="auto">
              {t('wouldEscalate', { reason: result.escalation })}
            </p>
          )}
          {result.entries.length > 0 ? (
            <>
              <p className="muted small">{t('sources')}</p>
              <ul>
                {result.entries.map((h) => (
                  <li key={h.entry.id} dir="auto">
                    {h.entry.question}{' '}
                    <span className="muted small">
                      ({t('score', { score: scorePercent(h.score) })} · {h.matched.join(', ')})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            result.documents.length === 0 && <p className="muted small">{t('noAnswer')}</p>
          )}
          {result.documents.length > 0 && (
            <>
              <p className="muted small">{t('docsSources')}</p>
              <ul>
                {result.documents.map((d, i) => (
                  <li key={`${d.documentId}-${i}`}>
                    <bdi>{d.name}</bdi>{' '}
                    <span className="muted small">
                      ({t('score', { score: scorePercent(d.score) })} · {d.matched.join(', ')})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </section>
  );
}
