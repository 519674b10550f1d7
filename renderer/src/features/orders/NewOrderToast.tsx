import { useStore } from 'zustand';
import { noticeHref } from '../../../../shared/desktop/deep-link';
import { useServices } from '../../app/services-context';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import { money } from './orders-model';

/** "New order #12 — Samira, 13 600 DA" on any page, with the way to it. */
export function NewOrderToast() {
  const t = useT(strings);
  const locale = useLocale();
  const { newOrders } = useServices();
  const latest = useStore(newOrders, (s) => s.latest);
  if (!latest) return null;
  return (
    <div className="toast order-toast" role="status" data-testid="new-order-toast">
      <span dir="auto">
        {t('toastNew', { id: latest.id, name: latest.customerName || '—', total: money(latest.total, latest.currency, locale) })}
      </span>
      <a href={noticeHref({ page: 'orders', orderId: latest.id })} data-testid="new-order-open">
        {t('toastOpen')}
      </a>
      <button type="button" aria-label={t('close')} onClick={() => newOrders.getState().dismiss()}>
        ×
      </button>
    </div>
  );
}
