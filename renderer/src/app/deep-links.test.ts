import { describe, expect, it } from 'vitest';
import { WAITING_HREF, noticeHref, parseDeepLink } from '../../../shared/desktop/deep-link';
import { type DeepLinkTargets, applyDeepLink } from './deep-links';

/** Stores that record what the link asked of them. */
function fakes() {
  const calls: string[] = [];
  const inboxState = {
    selectedId: null as number | null,
    filter: { status: null as string | null, query: '' },
    select(id: number | null) {
      calls.push(`inbox.select(${id})`);
      inboxState.selectedId = id;
      return Promise.resolve();
    },
    setFilter(patch: { status: string | null }) {
      calls.push(`inbox.filter(${patch.status})`);
      inboxState.filter.status = patch.status;
    },
  };
  const ordersState = {
    selected: null as { id: number } | null,
    select(id: number | null) {
      calls.push(`orders.select(${id})`);
      ordersState.selected = id === null ? null : { id };
      return Promise.resolve();
    },
  };
  const targets = { inbox: { getState: () => inboxState }, orders: { getState: () => ordersState } } as unknown as DeepLinkTargets;
  return { calls, targets };
}

/** Walks a history of addresses as the hashchange listener does. */
function walk(hashes: string[]) {
  const { calls, targets } = fakes();
  let previous = null;
  for (const hash of hashes) {
    const link = parseDeepLink(hash);
    applyDeepLink(link, previous, targets);
    previous = link;
  }
  return calls;
}

describe('applyDeepLink', () => {
  it("opens the notification's conversation and order, and the tray's waiting list", () => {
    expect(walk([noticeHref({ page: 'inbox', conversationId: 12 })])).toEqual(['inbox.select(12)']);
    expect(walk([noticeHref({ page: 'orders', orderId: 7 })])).toEqual(['orders.select(7)']);
    expect(walk([WAITING_HREF])).toEqual(['inbox.filter(waiting_human)']);
  });

  it('back and forward undo and redo what the link did', () => {
    expect(walk(['#/inbox', '#/inbox/12', '#/inbox', '#/inbox/12'])).toEqual([
      'inbox.select(12)',
      'inbox.select(null)',
      'inbox.select(12)',
    ]);
    expect(walk(['#/inbox', WAITING_HREF, '#/inbox'])).toEqual(['inbox.filter(waiting_human)', 'inbox.filter(null)']);
    expect(walk(['#/orders/7', '#/orders', '#/orders/7'])).toEqual(['orders.select(7)', 'orders.select(null)', 'orders.select(7)']);
    // Conversation → waiting list → back: the list shows no conversation, then the filter goes and it opens again.
    expect(walk(['#/inbox/12', WAITING_HREF, '#/inbox/12'])).toEqual([
      'inbox.select(12)',
      'inbox.select(null)',
      'inbox.filter(waiting_human)',
      'inbox.filter(null)',
      'inbox.select(12)',
    ]);
  });

  it('a plain page change leaves what the seller chose alone, and repeats are not re-applied', () => {
    expect(walk(['#/catalog', '#/inbox', '#/orders'])).toEqual([]);
    expect(walk(['#/inbox/3', '#/inbox/3'])).toEqual(['inbox.select(3)']);
    // Leaving the inbox for another page keeps its conversation for when the seller comes back.
    expect(walk(['#/inbox/3', '#/orders'])).toEqual(['inbox.select(3)']);
  });
});
