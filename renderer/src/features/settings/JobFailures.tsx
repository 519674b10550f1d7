import { useCallback, useEffect, useState } from 'react';
import type { JobFailure } from '../../../../shared/domain/learning';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';

const LABEL: Record<string, 'jobSearchIndex' | 'jobCheckpoint' | 'jobAnalyze' | 'jobFollowUp' | 'jobRetention'> = {
  'search-index': 'jobSearchIndex',
  'wal-checkpoint': 'jobCheckpoint',
  analyze: 'jobAnalyze',
  'follow-up': 'jobFollowUp',
  'contacts/retention': 'jobRetention',
};

/** Periodic work whose last run failed (it retries with backoff), with a way to try again now. */
export function JobFailures() {
  const t = useT(strings);
  const { client } = useServices();
  const [failures, setFailures] = useState<JobFailure[] | null>(null);
  const load = useCallback(() => {
    client.send('jobs/list-failures', {}).then(setFailures, () => setFailures(null));
  }, [client]);
  useEffect(load, [load]);
  if (!failures) return null;
  return (
    <section className="settings-form" aria-labelledby="jobs-title">
      <h2 id="jobs-title">{t('jobsTitle')}</h2>
      {failures.length === 0 ? (
        <p className="muted">{t('jobsOk')}</p>
      ) : (
        <ul>
          {failures.map((f) => {
            const label = LABEL[f.kind];
            return (
              <li key={f.id}>
                <span className="error">
                  {t('jobFailed', { job: label ? t(label) : f.kind, attempts: f.attempts, error: f.lastError })}
                </span>{' '}
                <span className="muted small">
                  {f.state === 'failed' ? t('jobGaveUp') : t('jobRetrying', { when: new Date(f.nextRunAt).toLocaleString() })}
                </span>{' '}
                <button type="button" onClick={() => void client.send('jobs/retry', { id: f.id }).then(load)}>
                  {t('retryJob')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
