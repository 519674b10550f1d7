import { useCallback, useEffect, useRef, useState } from 'react';
import type { KnowledgeDocument } from '../../../../shared/domain/knowledge';
import { useServices } from '../../app/services-context';
import { useLocale } from '../../i18n/locale';
import { useT } from '../../i18n/use-t';
import { formatWhen } from '../inbox/format';
import { strings } from './i18n';
import { fileSize, toBase64 } from './knowledge-model';
import { useErrorWords } from '../notices/error-words';

const ACCEPT =
  '.pdf,.docx,.txt,.md,.html,.htm,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/html';

/**
 * The seller's Knowledge documents: add (read and indexed by core), replace (re-indexed under the
 * same entry), delete. The bot answers from their passages and names the document.
 */
export function DocumentsPanel({ shopId }: { shopId: number }) {
  const errorText = useErrorWords();
  const t = useT(strings);
  const locale = useLocale();
  const { client } = useServices();
  const [docs, setDocs] = useState<KnowledgeDocument[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const addInput = useRef<HTMLInputElement>(null);
  const replaceInput = useRef<HTMLInputElement>(null);
  const [replacing, setReplacing] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setDocs(await client.send('knowledge/list-documents', { shopId }));
    } catch (err) {
      setError(errorText(err));
    }
  }, [client, shopId]);
  useEffect(() => void load(), [load]);

  const upload = async (file: File, replaceId: number | null) => {
    setError(null);
    setStatus(t('docsReading', { name: file.name }));
    try {
      const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const saved = await client.send('knowledge/add-document', {
        shopId,
        name: file.name,
        contentBase64,
        ...(replaceId !== null && { replaceId }),
      });
      setStatus(t('docsAdded', { name: saved.name, chunks: saved.chunks }));
      await load();
    } catch (err) {
      setStatus(null);
      setError(errorText(err));
    }
  };
  const picked = (input: HTMLInputElement | null, replaceId: number | null) => {
    const file = input?.files?.[0];
    if (input) input.value = '';
    if (file) void upload(file, replaceId);
  };

  return (
    <section className="knowledge-panel" aria-labelledby="docs-title">
      <h2 id="docs-title">{t('docsTitle')}</h2>
      <p className="muted small">{t('docsIntro')}</p>
      <input
        ref={addInput}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="document-file"
        onChange={(e) => picked(e.currentTarget, null)}
      />
      <input
        ref={replaceInput}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="document-replace-file"
        onChange={(e) => picked(e.currentTarget, replacing)}
      />
      <button type="button" className="primary" onClick={() => addInput.current?.click()}>
        {t('docsAdd')}
      </button>
      {status && (
        <p role="status" className="small">
          {status}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {docs && docs.length === 0 && <p className="muted">{t('docsEmpty')}</p>}
      {docs && docs.length > 0 && (
        <ul className="knowledge-list" aria-label={t('docsTitle')}>
          {docs.map((d) => (
            <li key={d.id} className="knowledge-item document-item">
              <strong>
                <bdi>{d.name}</bdi>
              </strong>
              <p className="muted small">
                {t('docsMeta', {
                  kind: d.kind.toUpperCase(),
                  size: fileSize(d.bytes),
                  chunks: d.chunks,
                  when: formatWhen(d.updatedAt, locale),
                })}
              </p>
              {d.chars === 0 && <p className="warning small">{t('docsNoText')}</p>}
              <div className="actions">
                <button
                  type="button"
                  onClick={() => {
                    setReplacing(d.id);
                    replaceInput.current?.click();
                  }}
                >
                  {t('docsReplace')}
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => {
                    if (!window.confirm(t('docsConfirmDelete'))) return;
                    client
                      .send('knowledge/delete-document', { shopId, id: d.id })
                      .then(load)
                      .catch((err: unknown) => setError(errorText(err)));
                  }}
                >
                  {t('docsDelete')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
