import { useEffect, useState } from 'react';
import type { ViolationRecord } from '../../../../shared/domain/guardrails';
import { useServices } from '../../app/services-context';
import { intlLocale } from '../../i18n/define';
import { useLocale } from '../../i18n/use-locale';
import type { T } from '../../i18n/use-t';
import { useNoticeWords } from '../notices/word-notice';
import type { strings } from './i18n';

type Keys = keyof (typeof strings)['en'];

/** The seller sees every reply the guardrails stopped and what went out instead. */
export function ViolationsList({ shopId, t }: { shopId: number; t: T<Keys> }) {
  const { client } = useServices();
  const locale = useLocale();
  const word = useNoticeWords();
  const [items, setItems] = useState<ViolationRecord[] | null>(null);
  useEffect(() => {
    let live = true;
    void client.send('guardrails/list-violations', { shopId, limit: 20 }).then(
      (v) => live && setItems(v),
      () => live && setItems([]),
    );
    return () => {
      live = false;
    };
  }, [client, shopId]);
  if (!items) return null;
  return (
    <section aria-labelledby="violations-title">
      <h2 id="violations-title">{t('violationsTitle')}</h2>
      {items.length === 0 && <p className="muted">{t('violationsEmpty')}</p>}
      <ul className="stack-list settings-violations">
        {items.map((v) => (
          <li key={v.id}>
            <div>
              <time dateTime={v.createdAt} className="muted small">
                {new Date(v.createdAt).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' })}
              </time>{' '}
              <span data-testid="violation-kind">{word('violation', { code: v.kind, params: { fragment: v.fragment } })}</span>
            </div>
            <q>
              <bdi>{v.reply}</bdi>
            </q>
            <div className="muted small">{t('violationSent', { action: t(`action_${v.action}` as Keys) })}</div>
          </li>
        ))}
      </ul>
    </section>
  );
}
