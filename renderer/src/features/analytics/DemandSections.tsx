import { useState } from 'react';
import type { ProductDemand, UnansweredQuestion } from '../../../../shared/domain/analytics';
import { formatNumber, formatPercent } from './analytics-model';
import { DataTable } from './ChartFigure';
import type { SectionProps } from './Sections';

function productColumns(t: SectionProps['t'], locale: string) {
  return [
    { label: t('colProduct'), cell: (p: ProductDemand) => <span dir="auto">{p.name}</span> },
    { label: t('colRequests'), cell: (p: ProductDemand) => formatNumber(p.requests, locale) },
    { label: t('colUnits'), cell: (p: ProductDemand) => formatNumber(p.unitsOrdered, locale) },
    { label: t('colStock'), cell: (p: ProductDemand) => (p.stock === null ? '—' : formatNumber(p.stock, locale)) },
  ];
}

export function ProductSections({ data, locale, t }: SectionProps) {
  return (
    <>
      <section className="analytics-card" aria-labelledby="top-products-title" data-testid="top-products">
        <h2 id="top-products-title">{t('topProducts')}</h2>
        {data.topProducts.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <DataTable caption={t('topProducts')} rows={data.topProducts} rowKey={(p) => p.sku} columns={productColumns(t, locale)} />
        )}
      </section>
      <section className="analytics-card" aria-labelledby="oos-title" data-testid="out-of-stock">
        <h2 id="oos-title">{t('outOfStock')}</h2>
        <p className="muted small">{t('outOfStockHint')}</p>
        {data.outOfStock.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <DataTable
            caption={t('outOfStock')}
            rows={data.outOfStock}
            rowKey={(p) => p.sku}
            columns={productColumns(t, locale).slice(0, 2)}
          />
        )}
      </section>
    </>
  );
}

/** Questions the brain had no answer for, each with a one-click "add to knowledge" (knowledge/save). */
export function UnansweredSection({
  data,
  locale,
  t,
  onAdd,
}: SectionProps & { onAdd: (question: string, answer: string) => Promise<boolean> }) {
  const [open, setOpen] = useState<string | null>(null);
  const [answer, setAnswer] = useState('');
  const [note, setNote] = useState<'added' | 'answerRequired' | null>(null);
  const save = async (q: UnansweredQuestion) => {
    if (!answer.trim()) return setNote('answerRequired');
    if (await onAdd(q.text, answer.trim())) {
      setOpen(null);
      setAnswer('');
      setNote('added');
    }
  };
  return (
    <section className="analytics-card analytics-wide" aria-labelledby="unanswered-title" data-testid="unanswered">
      <h2 id="unanswered-title">{t('unanswered')}</h2>
      <p className="muted small">{t('unansweredHint')}</p>
      {note && <p role="status">{t(note)}</p>}
      {data.unanswered.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <ul className="stack-list unanswered-list">
          {data.unanswered.map((q) => (
            <li key={q.text}>
              <div className="row-between">
                <span dir="auto" className="unanswered-text">
                  {q.text}
                </span>
                <span className="badge">×{formatNumber(q.count, locale)}</span>
                {open !== q.text && (
                  <button type="button" onClick={() => (setOpen(q.text), setAnswer(''), setNote(null))}>
                    {t('addToKnowledge')}
                  </button>
                )}
              </div>
              {open === q.text && (
                <form
                  className="unanswered-form"
                  onSubmit={(e) => {
                    e.preventDefault();
                    void save(q);
                  }}
                >
                  <label className="field">
                    <span>{t('answer')}</span>
                    <textarea rows={2} value={answer} onChange={(e) => setAnswer(e.target.value)} dir="auto" />
                  </label>
                  <div className="actions">
                    <button type="submit" className="primary">
                      {t('save')}
                    </button>
                    <button type="button" onClick={() => setOpen(null)}>
                      {t('cancel')}
                    </button>
                  </div>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Shown only when the learning domain reports follow-ups (analytics/follow-ups.ts). */
export function FollowUpSection({ data, locale, t }: SectionProps) {
  const f = data.followUps;
  if (!f) return null;
  return (
    <section className="analytics-card analytics-wide" aria-labelledby="follow-ups-title" data-testid="follow-ups">
      <h2 id="follow-ups-title">{t('followUps')}</h2>
      <p>
        {t('followUpsSent')}: <strong>{formatNumber(f.sent, locale)}</strong> · {t('followUpsRecovered')}:{' '}
        <strong>{formatNumber(f.recovered, locale)}</strong> · {t('recoveredRevenue')}:{' '}
        <strong>{formatNumber(f.recoveredRevenue, locale)}</strong>
      </p>
      <DataTable
        caption={t('followUps')}
        rows={f.strategies}
        rowKey={(s) => s.strategy}
        columns={[
          { label: t('colStrategy'), cell: (s) => s.strategy },
          { label: t('colConversations'), cell: (s) => formatNumber(s.conversations, locale) },
          { label: t('colOrders'), cell: (s) => formatNumber(s.orders, locale) },
          { label: t('colRate'), cell: (s) => formatPercent(s.rate, locale) },
        ]}
      />
    </section>
  );
}
