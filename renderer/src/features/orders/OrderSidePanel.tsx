import { useEffect } from 'react';
import { useStore } from 'zustand';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import { money, nextStatuses } from './orders-model';
import type { OrdersStore } from './orders-store';
import './orders.css';

/** The orders of the open conversation, for the inbox to embed beside the thread. */
export function OrderSidePanel({ store, conversationId }: { store: OrdersStore; conversationId: number | null }) {
  const t = useT(strings);
  const locale = useLocale();
  const orders = useStore(store, (s) => s.conversationOrders);

  useEffect(() => {
    void store.getState().showConversation(conversationId);
  }, [conversationId, store]);

  if (conversationId === null) return null;
  return (
    <aside className="order-panel" aria-label={t('panelTitle')} data-testid="order-panel">
      <h3>{t('panelTitle')}</h3>
      {orders.length === 0 ? (
        <p className="orders-empty">{t('panelEmpty')}</p>
      ) : (
        <ul className="stack-list">
          {orders.map((o) => (
            <li key={o.id} data-testid="order-panel-item" data-status={o.status}>
              <strong>#{o.id}</strong> {o.itemsLabel} — {money(o.total, o.currency, locale)}
              <br />
              <span className={`order-status order-status-${o.status}`}>{t(`status_${o.status}`)}</span>
              {nextStatuses(o.status)
                .slice(0, 1)
                .map((s) => (
                  <button key={s} onClick={() => void store.getState().setStatus(o.id, s, { notifyCustomer: true })}>
                    {t('moveTo')} {t(`status_${s}`)}
                  </button>
                ))}
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
