import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { CallOutput } from '../../../../shared/contract';
import type { LearnedEntry } from '../../../../shared/domain/learning';
import { useServices } from '../../app/services-context';
import { useOnPushed } from '../../stores/use-pushed';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import { LearnedList } from './LearnedList';
import { progressPercent } from './learning-model';
import { OptOutsList } from './OptOutsList';
import { StrategiesTable } from './StrategiesTable';
import '../knowledge/knowledge.css';
import './learning.css';
import { useErrorWords } from '../notices/error-words';
import { NoShopPage } from '../../components/NoShopPage';

type Overview = CallOutput<'learning/get-overview'>;
type Status = LearnedEntry['status'];
const STATUSES: Status[] = ['pending', 'active', 'dismissed'];

/** What Souqbot learned from sales (to approve), how its selling strategies do, and its follow-ups. */
export function LearningPage() {
  const errorText = useErrorWords();
  const t = useT(strings);
  const { client, session } = useServices();
  const shopId = useStore(session, (s) => s.shopId);
  const [status, setStatus] = useState<Status>('pending');
  const [overview, setOverview] = useState<Overview | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<CallOutput<'learning/learn-now'> | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (shopId === null) return;
    try {
      setOverview(await client.send('learning/get-overview', { shopId, status }));
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }, [client, shopId, status]);

  useEffect(() => void load(), [load]);
  // Progress of a pass is page-local view state: no other page shows it.
  useOnPushed('learning/progress', (p) => p.shopId === shopId && setProgress({ done: p.done, total: p.total }));

  if (shopId === null) {
    return <NoShopPage title={t('title')} message={t('noShop')} />;
  }

  const run = (action: () => Promise<unknown>) => {
    action()
      .then(load)
      .catch((err: unknown) => setError(errorText(err)));
  };
  const learnNow = () => {
    setResult(null);
    setProgress({ done: 0, total: 0 });
    client
      .send('learning/learn-now', { shopId })
      .then((r) => {
        setResult(r);
        setProgress(null);
        return load();
      })
      .catch((err: unknown) => {
        setProgress(null);
        setError(errorText(err));
      });
  };
  const busy = progress !== null || overview?.running === true;

  return (
    <section className="page" aria-labelledby="page-title">
      <h1 id="page-title">{t('title')}</h1>
      <p className="muted">{t('body')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="learning-stats">
        {overview && <strong role="status">{t('week', { answers: overview.week.answers, sales: overview.week.sales })}</strong>}
        <button type="button" className="primary" disabled={busy} onClick={learnNow}>
          {busy ? t('learning') : t('learnNow')}
        </button>
        {progress && (
          <progress
            className="learning-progress"
            aria-label={t('progress')}
            max={100}
            value={progressPercent(progress.done, progress.total)}
          />
        )}
        {result && (
          <span role="status">{t('learnedResult', { analysed: result.analysed, learned: result.learned, merged: result.merged })}</span>
        )}
        {result?.llm && <span role="status">{t('llmResult', result.llm)}</span>}
      </div>

      <section className="learning-section" aria-labelledby="review-title">
        <h2 id="review-title">{t('reviewTitle')}</h2>
        <label className="field-inline">
          <span>{t('show')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as Status)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(s)}
              </option>
            ))}
          </select>
        </label>
        {overview && <LearnedList shopId={shopId} entries={overview.entries} t={t} run={run} />}
      </section>

      <section className="learning-section" aria-labelledby="strategies-title">
        <h2 id="strategies-title">{t('strategiesTitle')}</h2>
        <p className="muted small">{t('strategiesIntro')}</p>
        {overview && (
          <label className="field-inline">
            <span>{t('algorithm')}</span>
            <select
              value={overview.algorithm}
              onChange={(e) =>
                run(() =>
                  client.send('settings/update', {
                    shopId,
                    patch: { sales: { strategyAlgorithm: e.target.value as Overview['algorithm'] } },
                  }),
                )
              }
            >
              <option value="thompson">{t('thompson')}</option>
              <option value="epsilon_greedy">{t('epsilon_greedy')}</option>
            </select>
          </label>
        )}
        {overview && <StrategiesTable stats={overview.strategies} t={t} />}
      </section>

      {overview && (
        <section className="learning-section" aria-labelledby="follow-ups-title">
          <h2 id="follow-ups-title">{t('followUpsTitle')}</h2>
          <p>
            {t('followUpsLine', {
              sent: overview.followUps.sent,
              replied: overview.followUps.replied,
              ordered: overview.followUps.ordered,
            })}
          </p>
        </section>
      )}

      <section className="learning-section" aria-labelledby="opt-outs-title">
        <h2 id="opt-outs-title">{t('optOutsTitle')}</h2>
        <p className="muted small">{t('optOutsIntro')}</p>
        <OptOutsList shopId={shopId} t={t} onError={setError} />
      </section>
    </section>
  );
}
