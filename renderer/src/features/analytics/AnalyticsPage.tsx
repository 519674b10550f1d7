import { useState } from 'react';
import { useStore } from 'zustand';
import { ExportKind } from '../../../../shared/domain/analytics';
import { useServices } from '../../app/services-context';
import { LOCALE_INFO } from '../../i18n/define';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { PRESETS, type Preset, formatNumber } from './analytics-model';
import type { AnalyticsStore } from './analytics-store';
import { FollowUpSection, ProductSections, UnansweredSection } from './DemandSections';
import { strings } from './i18n';
import { KpiCards } from './KpiCards';
import { ConversionSections, DailySections, FunnelSection, HeatMapSection, ServiceSections } from './Sections';
import { downloadCsv, useAnalyticsStore } from './use-analytics';
import './analytics.css';
import { NoShopPage } from '../../components/NoShopPage';

const PRESET_LABEL = { today: 'today', '7d': 'last7', '30d': 'last30', custom: 'custom' } as const;

/** Does the bot pay for itself: the period's money, orders, service and demand, with exports. */
export function AnalyticsPage() {
  const t = useT(strings);
  const { session } = useServices();
  const shopId = useStore(session, (s) => s.shopId);
  const store = useAnalyticsStore();
  if (shopId === null) {
    return <NoShopPage title={t('title')} message={t('noShop')} />;
  }
  return <AnalyticsView store={store} />;
}

function PeriodPicker({ store }: { store: AnalyticsStore }) {
  const t = useT(strings);
  const s = useStore(store);
  const [invalid, setInvalid] = useState(false);
  return (
    <div className="analytics-toolbar">
      <div role="radiogroup" aria-label={t('period')} className="period-presets">
        {PRESETS.map((p: Preset) => (
          <button
            key={p}
            type="button"
            role="radio"
            aria-checked={s.preset === p}
            className={s.preset === p ? 'primary' : undefined}
            onClick={() => void s.setPreset(p)}
          >
            {t(PRESET_LABEL[p])}
          </button>
        ))}
      </div>
      {s.preset === 'custom' && (
        <form
          className="period-custom"
          onSubmit={async (e) => {
            e.preventDefault();
            setInvalid(!(await s.applyCustom()));
          }}
        >
          {(['from', 'to'] as const).map((end) => (
            <label key={end} className="field-inline">
              <span>{t(end)}</span>
              <input
                id={`analytics-${end}`}
                type="date"
                value={end === 'from' ? s.customFrom : s.customTo}
                onChange={(e) => s.setCustom({ [end]: e.target.value })}
                aria-invalid={invalid || undefined}
              />
            </label>
          ))}
          <button type="submit">{t('apply')}</button>
          {invalid && (
            <span role="alert" className="error">
              {t('badPeriod')}
            </span>
          )}
        </form>
      )}
      <label className="field-inline">
        <input type="checkbox" checked={s.compare} onChange={(e) => void s.setCompare(e.target.checked)} />
        <span>{t('compare')}</span>
      </label>
      <label className="field-inline">
        <span>{t('typingSeconds')}</span>
        <input
          id="analytics-typing"
          className="input-short"
          type="number"
          min={1}
          max={600}
          value={s.typingSeconds}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 1 && n <= 600) void s.setTypingSeconds(n);
          }}
        />
      </label>
    </div>
  );
}

function Exports({ store }: { store: AnalyticsStore }) {
  const t = useT(strings);
  const locale = useLocale();
  const [exported, setExported] = useState<number | null>(null);
  return (
    <section className="analytics-card analytics-wide" aria-labelledby="exports-title">
      <h2 id="exports-title">{t('exports')}</h2>
      <div className="actions">
        {ExportKind.options.map((kind) => (
          <button
            key={kind}
            type="button"
            data-export={kind}
            onClick={async () => {
              const out = await store.getState().exportCsv(kind);
              if (!out) return;
              downloadCsv(out.filename, out.csv);
              setExported(out.rows);
            }}
          >
            {t(`export_${kind}`)}
          </button>
        ))}
      </div>
      {exported !== null && <p role="status">{t('exported', { rows: formatNumber(exported, locale) })}</p>}
    </section>
  );
}

function Skeleton({ label }: { label: string }) {
  return (
    <div className="analytics-skeleton" role="status" aria-live="polite" data-testid="analytics-loading">
      <span className="visually-hidden">{label}</span>
      <div className="kpi-grid">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="analytics-card skeleton-block" />
        ))}
      </div>
      <div className="analytics-card skeleton-block skeleton-tall" />
    </div>
  );
}

function AnalyticsView({ store }: { store: AnalyticsStore }) {
  const t = useT(strings);
  const locale = useLocale();
  const rtl = LOCALE_INFO[locale].dir === 'rtl';
  const data = useStore(store, (s) => s.data);
  const loading = useStore(store, (s) => s.loading);
  const error = useStore(store, (s) => s.error);
  const props = data ? { data, locale, rtl, t } : null;
  return (
    <section className="page analytics-page" aria-labelledby="page-title" aria-busy={loading || undefined}>
      <h1 id="page-title">{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <PeriodPicker store={store} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!props ? (
        loading || !error ? (
          <Skeleton label={t('loading')} />
        ) : null
      ) : (
        <div
          className={`analytics-body${loading ? ' is-loading' : ''}`}
          data-testid="analytics-ready"
          data-period={`${props.data.period.from}..${props.data.period.to}`}
        >
          <KpiCards data={props.data} locale={locale} t={t} />
          <div className="analytics-grid">
            <FunnelSection {...props} />
            <ConversionSections {...props} />
            <DailySections {...props} />
            <ServiceSections {...props} />
            <HeatMapSection {...props} />
            <ProductSections {...props} />
            <UnansweredSection {...props} onAdd={(q, a) => store.getState().addToKnowledge(q, a)} />
            <FollowUpSection {...props} />
            <Exports store={store} />
          </div>
        </div>
      )}
    </section>
  );
}
