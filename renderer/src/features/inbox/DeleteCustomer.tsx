import { useEffect, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';

/**
 * "Delete this customer's data": a customer's right, asked by message or by law. Confirmed
 * first, because it cannot be undone; orders keep their amounts, nothing else of the customer stays.
 */
export function DeleteCustomer({ conversationId, onDelete }: { conversationId: number; onDelete: () => Promise<boolean> }) {
  const t = useT(strings);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => setConfirming(false), [conversationId]);

  if (!confirming) {
    return (
      <button type="button" className="danger-outline" data-testid="delete-customer" onClick={() => setConfirming(true)}>
        {t('deleteCustomer')}
      </button>
    );
  }
  return (
    <div className="banner banner-danger" role="alertdialog" aria-label={t('deleteCustomer')} data-testid="confirm-delete-customer">
      <span>{t('confirmDeleteCustomer')}</span>
      <button
        type="button"
        className="danger"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void onDelete().finally(() => setBusy(false));
        }}
      >
        {t('yesDeleteCustomer')}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        {t('cancel')}
      </button>
    </div>
  );
}
