import type { Order } from '../../../../shared/domain/orders';
import { type PhraseKey, say } from './index';

/** What the customer is told when the seller moves their order (opt-in per change); null for "new". */
export function orderStatusMessage(order: Order): string | null {
  if (order.status === 'new') return null;
  const key = `status_${order.status}` as PhraseKey;
  return say(order.language ?? 'fr', key, { id: order.id });
}
