import type { AnalyticsOverview, ConversionRow, DayRow } from '../../../../shared/domain/analytics';
import type { T } from '../../i18n/use-t';
import { formatDuration, formatMoney, formatNumber, formatPercent, heatGrid, shortDay, weekdayNames } from './analytics-model';
import { useNoticeWords } from '../notices/word-notice';
import { ChartFigure, DataTable } from './ChartFigure';
import { CategoryBars } from './Charts';
import type { strings } from './i18n';

type Key = keyof (typeof strings)['en'];
export interface SectionProps {
  data: AnalyticsOverview;
  locale: string;
  rtl: boolean;
  t: T<Key>;
}

const GREEN = '#0f7b5f';
const BLUE = '#3b6fb6';

export const languageLabel = (t: T<Key>, code: string): string => t(`lang_${code.replace('-', '_')}` as Key);

export function FunnelSection({ data, locale, rtl, t }: SectionProps) {
  const f = data.funnel;
  const steps = [
    { step: t('stepConversations'), n: f.conversations },
    { step: t('stepAskedPrice'), n: f.askedPrice },
    { step: t('stepStartedOrder'), n: f.startedOrder },
    { step: t('stepConfirmed'), n: f.confirmed },
    { step: t('stepDelivered'), n: f.delivered },
  ];
  const num = (n: number) => formatNumber(n, locale);
  return (
    <ChartFigure
      id="funnel"
      title={t('funnel')}
      hint={t('funnelHint')}
      tableLabel={t('showTable')}
      chart={
        <CategoryBars
          rows={steps}
          category={(s) => s.step}
          series={[{ key: 'n', label: t('colConversations'), colour: GREEN }]}
          rtl={rtl}
          formatValue={num}
          horizontal
        />
      }
      table={
        <DataTable
          caption={t('funnel')}
          rows={steps}
          rowKey={(s) => s.step}
          columns={[
            { label: t('colStep'), cell: (s) => s.step },
            { label: t('colConversations'), cell: (s) => num(s.n) },
            { label: t('colRate'), cell: (s) => formatPercent(f.conversations ? s.n / f.conversations : null, locale) },
          ]}
        />
      }
    />
  );
}

export function DailySections({ data, locale, rtl, t }: SectionProps) {
  const num = (n: number) => formatNumber(n, locale);
  const money = (n: number) => formatMoney(n, data.currency, locale);
  const day = (d: DayRow) => shortDay(d.day, locale);
  return (
    <>
      <ChartFigure
        id="per-day"
        title={t('perDay')}
        tableLabel={t('showTable')}
        chart={
          <CategoryBars
            rows={data.days}
            category={day}
            series={[
              { key: 'messagesIn', label: t('colIn'), colour: BLUE },
              { key: 'messagesOut', label: t('colOut'), colour: GREEN },
            ]}
            rtl={rtl}
            formatValue={num}
          />
        }
        table={
          <DataTable
            caption={t('perDay')}
            rows={data.days}
            rowKey={(d) => d.day}
            columns={[
              { label: t('colDay'), cell: (d) => <span dir="ltr">{d.day}</span> },
              { label: t('colIn'), cell: (d) => num(d.messagesIn) },
              { label: t('colOut'), cell: (d) => num(d.messagesOut) },
            ]}
          />
        }
      />
      <ChartFigure
        id="revenue-per-day"
        title={t('revenuePerDay')}
        tableLabel={t('showTable')}
        chart={
          <CategoryBars
            rows={data.days}
            category={day}
            series={[{ key: 'revenue', label: t('colRevenue'), colour: GREEN }]}
            rtl={rtl}
            formatValue={num}
          />
        }
        table={
          <DataTable
            caption={t('revenuePerDay')}
            rows={data.days}
            rowKey={(d) => d.day}
            columns={[
              { label: t('colDay'), cell: (d) => <span dir="ltr">{d.day}</span> },
              { label: t('colOrders'), cell: (d) => num(d.orders) },
              { label: t('colRevenue'), cell: (d) => money(d.revenue) },
            ]}
          />
        }
      />
    </>
  );
}

function conversionColumns(t: T<Key>, locale: string, first: { label: string; cell: (r: ConversionRow) => string }) {
  return [
    first,
    { label: t('colConversations'), cell: (r: ConversionRow) => formatNumber(r.conversations, locale) },
    { label: t('colOrders'), cell: (r: ConversionRow) => formatNumber(r.orders, locale) },
    { label: t('colRate'), cell: (r: ConversionRow) => formatPercent(r.rate, locale) },
  ];
}

export function ConversionSections({ data, locale, rtl, t }: SectionProps) {
  const lang = (r: ConversionRow) => languageLabel(t, r.key);
  return (
    <>
      <ChartFigure
        id="by-language"
        title={t('byLanguage')}
        tableLabel={t('showTable')}
        chart={
          <CategoryBars
            rows={data.byLanguage.map((r) => ({ ...r, percent: Math.round((r.rate ?? 0) * 1000) / 10 }))}
            category={lang}
            series={[{ key: 'percent', label: t('colRate'), colour: GREEN }]}
            rtl={rtl}
            formatValue={(n) => `${formatNumber(n, locale, 1)}%`}
            horizontal
          />
        }
        table={
          <DataTable
            caption={t('byLanguage')}
            rows={data.byLanguage}
            rowKey={(r) => r.key}
            columns={conversionColumns(t, locale, { label: t('colLanguage'), cell: lang })}
          />
        }
      />
      <section className="analytics-card" aria-labelledby="by-account-title">
        <h2 id="by-account-title">{t('byAccount')}</h2>
        <DataTable
          caption={t('byAccount')}
          rows={data.byAccount}
          rowKey={(r) => r.key}
          columns={conversionColumns(t, locale, { label: t('colNumber'), cell: (r) => r.label })}
        />
      </section>
    </>
  );
}

export function ServiceSections({ data, locale, t }: SectionProps) {
  const words = useNoticeWords();
  const who = [
    { who: t('bot'), ...data.responseTimes.bot },
    { who: t('seller'), ...data.responseTimes.seller },
  ];
  return (
    <>
      <section className="analytics-card" aria-labelledby="response-title" data-testid="response-times">
        <h2 id="response-title">{t('responseTimes')}</h2>
        <DataTable
          caption={t('responseTimes')}
          rows={who}
          rowKey={(r) => r.who}
          columns={[
            { label: t('colWho'), cell: (r) => r.who },
            { label: t('colMedian'), cell: (r) => formatDuration(r.medianSeconds, locale) },
            { label: t('colP90'), cell: (r) => formatDuration(r.p90Seconds, locale) },
            { label: t('colCount'), cell: (r) => formatNumber(r.count, locale) },
          ]}
        />
      </section>
      <section className="analytics-card" aria-labelledby="escalations-title">
        <h2 id="escalations-title">{t('escalations')}</h2>
        {data.escalationReasons.length === 0 ? (
          <p className="muted">{t('empty')}</p>
        ) : (
          <DataTable
            caption={t('escalations')}
            rows={data.escalationReasons}
            rowKey={(r) => r.reason}
            columns={[
              {
                label: t('colReason'),
                cell: (r) => words('escalation', { code: r.reason, params: r.reason === 'bot_note' ? { note: '…' } : {} }),
              },
              { label: t('colTimes'), cell: (r) => formatNumber(r.count, locale) },
            ]}
          />
        )}
        {data.guardrails.length > 0 && (
          <>
            <h3>{t('guardrails')}</h3>
            <DataTable
              caption={t('guardrails')}
              rows={data.guardrails}
              rowKey={(r) => r.kind}
              columns={[
                { label: t('colKind'), cell: (r) => <code>{r.kind}</code> },
                { label: t('colTimes'), cell: (r) => formatNumber(r.count, locale) },
              ]}
            />
          </>
        )}
      </section>
    </>
  );
}

/** Weekday × hour, as a real table (its cells are the numbers; the shading is the chart). */
export function HeatMapSection({ data, locale, t }: SectionProps) {
  const { rows, max } = heatGrid(data.busyHours);
  const days = weekdayNames(locale);
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <section className="analytics-card analytics-wide" aria-labelledby="heat-title" data-testid="chart-busy-hours">
      <h2 id="heat-title">{t('busyHours')}</h2>
      <p className="muted small">{t('busyHint')}</p>
      <div className="heat-scroll">
        <table className="heat-map">
          <caption className="visually-hidden">{t('busyHours')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('colWeekday')}</th>
              {hours.map((h) => (
                <th key={h} scope="col">
                  {formatNumber(h, locale)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((counts, weekday) => (
              <tr key={weekday}>
                <th scope="row">{days[weekday]}</th>
                {counts.map((n, h) => (
                  <td
                    key={h}
                    style={{ backgroundColor: n && max ? `rgba(15, 123, 95, ${0.12 + 0.88 * (n / max)})` : undefined }}
                    className={n / (max || 1) > 0.6 ? 'heat-strong' : undefined}
                  >
                    {n ? formatNumber(n, locale) : ''}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
