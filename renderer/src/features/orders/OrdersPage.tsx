import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { OrderStatus } from '../../../../shared/domain/orders';
import { intlLocale } from '../../i18n/define';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import { STATUSES, money, nextStatuses } from './orders-model';
import type { OrdersStore } from './orders-store';
import './orders.css';

/** Hands the courier CSV to the browser as a download (works in Electron and a browser tab). */
function download(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** Every order of the shop: filter by status, search, move status (optionally messaging the customer), export for the courier. */
export function OrdersPage({ store }: { store: OrdersStore }) {
  const t = useT(strings);
  const locale = useLocale();
  const rows = useStore(store, (s) => s.rows);
  const status = useStore(store, (s) => s.status);
  const loading = useStore(store, (s) => s.loading);
  const selected = useStore(store, (s) => s.selected);
  const error = useStore(store, (s) => s.error);
  const [query, setQuery] = useState('');
  const [notify, setNotify] = useState(true);

  useEffect(() => {
    const id = setTimeout(() => void store.getState().setFilter({ query }), 250);
    return () => clearTimeout(id);
  }, [query, store]);

  return (
    <section className="orders-page" aria-label={t('title')}>
      <header className="orders-toolbar">
        <h1>{t('title')}</h1>
        <div role="tablist" className="orders-tabs">
          {[null, ...STATUSES].map((s) => (
            <button key={s ?? 'all'} role="tab" aria-selected={status === s} onClick={() => void store.getState().setFilter({ status: s })}>
              {s ? t(`status_${s}`) : t('all')}
            </button>
          ))}
        </div>
        <input type="search" value={query} placeholder={t('search')} onChange={(e) => setQuery(e.target.value)} aria-label={t('search')} />
        <button
          onClick={async () => {
            const out = await store.getState().exportCsv();
            if (out) download(out.filename, out.csv);
          }}
        >
          {t('exportCsv')}
        </button>
      </header>
      {error && (
        <p role="alert" className="orders-error">
          {error}
        </p>
      )}
      {rows.length === 0 && !loading ? (
        <p className="orders-empty">{t('empty')}</p>
      ) : (
        <table className="orders-table">
          <thead>
            <tr>
              <th>{t('colDate')}</th>
              <th>{t('colCustomer')}</th>
              <th>{t('colPlace')}</th>
              <th>{t('colItems')}</th>
              <th>{t('colTotal')}</th>
              <th>{t('colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr
                key={o.id}
                aria-selected={selected?.id === o.id}
                onClick={() => void store.getState().select(o.id)}
                data-testid="order-row"
                data-order-id={o.id}
                data-status={o.status}
              >
                <td>{new Date(o.createdAt).toLocaleString(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' })}</td>
                <td>
                  {o.customerName}
                  <br />
                  <small dir="ltr">{o.phone}</small>
                </td>
                <td>{[o.wilaya, o.commune].filter(Boolean).join(', ')}</td>
                <td>{o.itemsLabel}</td>
                <td>{money(o.total, o.currency, locale)}</td>
                <td>
                  <span className={`order-status order-status-${o.status}`}>{t(`status_${o.status}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <aside className="order-detail" aria-label={`#${selected.id}`} data-testid="order-detail" data-status={selected.status}>
          <header>
            <h2>
              #{selected.id} — {selected.customerName}
            </h2>
            <button onClick={() => void store.getState().select(null)}>{t('close')}</button>
          </header>
          <p>
            {t('phone')}: <span dir="ltr">{selected.phone}</span>
            <br />
            {t('address')}: {[selected.wilaya, selected.commune, selected.address].filter(Boolean).join(', ')}
          </p>
          <ul>
            {selected.items.map((i) => (
              <li key={`${i.sku}-${i.variant ?? ''}`}>
                {i.name}
                {i.variant ? ` (${i.variant})` : ''} ×{i.quantity} — {money(i.unitPrice * i.quantity, selected.currency, locale)}
              </li>
            ))}
          </ul>
          <p>
            {t('subtotal')}: {money(selected.itemsTotal, selected.currency, locale)}
            <br />
            {t('delivery')}: {selected.deliveryFee === null ? t('deliveryUnknown') : money(selected.deliveryFee, selected.currency, locale)}
            <br />
            <strong>
              {t('total')}: {money(selected.total, selected.currency, locale)}
            </strong>
          </p>
          <label>
            <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} /> {t('notify')}
          </label>
          <div className="order-actions">
            {nextStatuses(selected.status).map((s: OrderStatus) => (
              <button
                key={s}
                data-testid={`order-move-${s}`}
                onClick={() => void store.getState().setStatus(selected.id, s, { notifyCustomer: notify })}
              >
                {t('moveTo')} {t(`status_${s}`)}
              </button>
            ))}
          </div>
        </aside>
      )}
    </section>
  );
}
