import type { AnalyticsKpis, AnalyticsOverview } from '../../../../shared/domain/analytics';
import type { T } from '../../i18n/use-t';
import { change, formatMoney, formatNumber, formatPercent } from './analytics-model';
import type { strings } from './i18n';

type Key = keyof (typeof strings)['en'];

interface Card {
  id: string;
  label: Key;
  value: string;
  /** The figure to compare with the previous period (null: no comparison). */
  delta: number | null;
  hint?: string;
}

/** The ten-second read: money, orders and time, each with its change since the previous period. */
export function KpiCards({ data, locale, t }: { data: AnalyticsOverview; locale: string; t: T<Key> }) {
  const k = data.kpis;
  const p: AnalyticsKpis | null = data.previousKpis;
  const money = (n: number | null) => formatMoney(n, data.currency, locale);
  const minutes = new Intl.NumberFormat(`${locale}-u-nu-latn`, {
    style: 'unit',
    unit: k.timeSavedMinutes >= 90 ? 'hour' : 'minute',
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  });
  const cards: Card[] = [
    { id: 'revenue', label: 'revenue', value: money(k.revenue), delta: change(k.revenue, p?.revenue) },
    {
      id: 'orders-bot',
      label: 'ordersByBot',
      value: `${formatNumber(k.ordersByBot, locale)} · ${money(k.revenueByBot)}`,
      delta: change(k.ordersByBot, p?.ordersByBot),
    },
    {
      id: 'orders-seller',
      label: 'ordersBySeller',
      value: `${formatNumber(k.ordersBySeller, locale)} · ${money(k.revenueBySeller)}`,
      delta: change(k.ordersBySeller, p?.ordersBySeller),
    },
    { id: 'aov', label: 'averageOrder', value: money(k.averageOrderValue), delta: change(k.averageOrderValue, p?.averageOrderValue) },
    { id: 'cash', label: 'cashCollected', value: money(k.cashCollected), delta: change(k.cashCollected, p?.cashCollected) },
    {
      id: 'conversion',
      label: 'conversion',
      value: formatPercent(k.conversionRate, locale),
      delta: change(k.conversionRate, p?.conversionRate),
    },
    {
      id: 'time-saved',
      label: 'timeSaved',
      value: minutes.format(k.timeSavedMinutes >= 90 ? Math.round(k.timeSavedMinutes / 6) / 10 : k.timeSavedMinutes),
      delta: change(k.timeSavedMinutes, p?.timeSavedMinutes),
      hint: t('timeSavedHint', { replies: formatNumber(k.botReplies, locale), seconds: formatNumber(data.typingSeconds, locale) }),
    },
    {
      id: 'auto',
      label: 'autoResolution',
      value: formatPercent(k.autoResolutionRate, locale),
      delta: change(k.autoResolutionRate, p?.autoResolutionRate),
    },
    {
      id: 'escalation',
      label: 'escalationRate',
      value: formatPercent(k.escalationRate, locale),
      delta: change(k.escalationRate, p?.escalationRate),
    },
    {
      id: 'guardrails',
      label: 'guardrailInterventions',
      value: formatNumber(k.guardrailInterventions, locale),
      delta: change(k.guardrailInterventions, p?.guardrailInterventions),
    },
  ];
  // The signed change is isolated left-to-right (LRI…PDI) so "+325%" keeps its sign in front inside Arabic.
  const signed = new Intl.NumberFormat(`${locale}-u-nu-latn`, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
  return (
    <ul className="kpi-grid">
      {cards.map((c) => (
        <li key={c.id} className="analytics-card kpi" data-testid={`kpi-${c.id}`}>
          <span className="kpi-label">{t(c.label)}</span>
          <strong className="kpi-value" dir="auto">
            {c.value}
          </strong>
          {c.delta !== null && (
            <span className={`kpi-delta ${c.delta >= 0 ? 'up' : 'down'}`}>
              {t('vsPrevious', { change: `\u2066${signed.format(c.delta)}\u2069` })}
            </span>
          )}
          {c.hint && <span className="muted small">{c.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
