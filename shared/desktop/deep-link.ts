import { ConversationStatus } from '../domain/schemas';
import type { NoticeTarget } from './desk-model';

/**
 * The addresses a tray menu or a notification click opens in the renderer, and how the renderer reads them back.
 * One module for both directions, so the Electron shell, the browser notifications and the router cannot drift.
 */
export const WAITING_HREF = '#/inbox?status=waiting_human';

/** A notification's target as an address: `#/inbox/12`, `#/orders/7`, `#/connect`. */
export function noticeHref(target: NoticeTarget): string {
  switch (target.page) {
    case 'inbox':
      return `#/inbox/${target.conversationId}`;
    case 'orders':
      return `#/orders/${target.orderId}`;
    case 'connect':
    case 'settings':
      return `#/${target.page}`;
  }
}

/** What an address asks for beyond its page: one conversation, one order, or a filtered inbox. */
export type DeepLink =
  | { page: string }
  | { page: 'inbox'; conversationId: number }
  | { page: 'inbox'; status: ConversationStatus }
  | { page: 'orders'; orderId: number };

/** `#/inbox/12` → { page: 'inbox', conversationId: 12 }; anything it does not know keeps only the page. */
export function parseDeepLink(hash: string): DeepLink {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?', 2);
  const [page = '', id] = path.split('/');
  const number = id !== undefined && /^[1-9]\d{0,15}$/.test(id) ? Number(id) : null;
  if (page === 'inbox' && number !== null) return { page, conversationId: number };
  if (page === 'orders' && number !== null) return { page, orderId: number };
  const status = ConversationStatus.safeParse(new URLSearchParams(query).get('status'));
  if (page === 'inbox' && status.success) return { page, status: status.data };
  return { page };
}
