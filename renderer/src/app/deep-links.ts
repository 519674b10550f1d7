import { useEffect } from 'react';
import { type DeepLink, parseDeepLink } from '../../../shared/desktop/deep-link';
import type { InboxStore } from '../features/inbox/inbox-store';
import type { OrdersStore } from '../features/orders/orders-store';
import { useServices } from './services-context';

/** What a deep link moves: the inbox's open conversation and filter, the Orders page's open order. */
export interface DeepLinkTargets {
  inbox: Pick<InboxStore, 'getState'>;
  orders: Pick<OrdersStore, 'getState'>;
}

/**
 * Applies an address's conversation, order or filter to the stores. `previous` is the address before (back/forward):
 * leaving `#/inbox/12` for `#/inbox` closes the conversation again, leaving `#/inbox?status=waiting_human` drops the
 * filter, so history steps undo what the link did. A plain address the seller did not come to by link changes nothing.
 */
export function applyDeepLink(link: DeepLink, previous: DeepLink | null, targets: DeepLinkTargets): void {
  const inbox = targets.inbox.getState();
  const orders = targets.orders.getState();
  // First undo what the previous link did and this one does not ask for again…
  if (previous && link.page === 'inbox') {
    if ('status' in previous && !('status' in link)) inbox.setFilter({ status: null });
    if ('conversationId' in previous && !('conversationId' in link)) void inbox.select(null);
  }
  if (previous && link.page === 'orders' && 'orderId' in previous && !('orderId' in link)) void orders.select(null);
  // …then do what this one asks.
  if ('conversationId' in link && inbox.selectedId !== link.conversationId) void inbox.select(link.conversationId);
  if ('status' in link && inbox.filter.status !== link.status) inbox.setFilter({ status: link.status });
  if ('orderId' in link && orders.selected?.id !== link.orderId) void orders.select(link.orderId);
}

/** Follows the address while the shell is up: the first one it opens with, then every hash change. */
export function useDeepLinks(): void {
  const { inbox, orders } = useServices();
  useEffect(() => {
    let previous: DeepLink | null = null;
    const follow = () => {
      const link = parseDeepLink(window.location.hash);
      applyDeepLink(link, previous, { inbox, orders });
      previous = link;
    };
    follow();
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, [inbox, orders]);
}
