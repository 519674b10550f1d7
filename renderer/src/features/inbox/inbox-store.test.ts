import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../../../shared/domain/schemas';
import { conversationRow } from '../../../../shared/test-utils/conversation';
import type { Client } from '../../api/client';
import { PAGE_SIZE, createInboxStore } from './inbox-store';

const conv = (id: number, at: string, patch: Partial<Conversation> = {}): Conversation =>
  conversationRow(id, { unread: 1, lastMessageAt: at, lastPreview: `hello ${id}`, ...patch });

/**
 * A client over an in-memory list that pages, filters and orders as core's contract says
 * (newest activity first); it records each call so tests can see what the store asked for.
 */
function fakeClient(initial: Conversation[]) {
  let data = initial;
  const calls: { name: string; input: Record<string, unknown> }[] = [];
  const client = {
    async send(name: string, input: Record<string, unknown>) {
      calls.push({ name, input });
      if (name === 'conversations/list') {
        const filtered = data
          .filter((c) => !input.status || c.status === input.status)
          .filter((c) => !input.query || (c.lastPreview ?? '').includes(String(input.query)))
          .sort((a, b) => (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '') || b.id - a.id);
        const offset = Number(input.offset ?? 0);
        return { items: filtered.slice(offset, offset + Number(input.limit ?? 50)), total: filtered.length };
      }
      if (name === 'quick-replies/list') return [];
      if (name === 'conversations/list-messages') return [];
      if (name === 'conversations/set-takeover') {
        const found = data.find((c) => c.id === input.conversationId);
        if (!found) throw Object.assign(new Error('No such conversation'), { code: 'not_found' });
        return { ...found, takeover: Boolean(input.takeover), status: input.takeover ? 'waiting_human' : 'open' };
      }
      if (name === 'conversations/mark-read') return { ...data.find((c) => c.id === input.conversationId), unread: 0 };
      throw new Error(`unexpected call ${name}`);
    },
    subscribe: () => () => {},
    onConnection: () => () => {},
  };
  return {
    client: client as unknown as Client,
    calls,
    set(next: Conversation[]) {
      data = next;
    },
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
const many = (n: number) => Array.from({ length: n }, (_, i) => conv(i + 1, new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString()));

describe('inbox store', () => {
  afterEach(() => vi.useRealTimers());

  it('fetches only the pages the list shows, once each', async () => {
    const fake = fakeClient(many(1000));
    const store = createInboxStore({ client: fake.client });
    store.getState().setShop(1);
    await flush();
    expect(store.getState().total).toBe(1000);
    expect(store.getState().rows[0]?.id).toBe(1000);
    store.getState().ensureRange(480, 520);
    store.getState().ensureRange(480, 520);
    await flush();
    const pages = fake.calls.filter((c) => c.name === 'conversations/list').map((c) => c.input.offset);
    expect(pages).toEqual([0, 450, 500]);
    expect(store.getState().rows[499]?.id).toBe(501);
  });

  it('drops an answer that arrives after the filter changed', async () => {
    const fake = fakeClient([...many(3), conv(9, '2026-02-01T00:00:00Z', { status: 'resolved' })]);
    const store = createInboxStore({ client: fake.client });
    store.getState().setShop(1);
    store.getState().setFilter({ status: 'resolved' });
    await flush();
    expect(store.getState().total).toBe(1);
    expect(Object.values(store.getState().rows).map((c) => c.id)).toEqual([9]);
  });

  it('re-reads the list when a pushed update moves a conversation or adds one', async () => {
    vi.useFakeTimers();
    const fake = fakeClient([]);
    const store = createInboxStore({ client: fake.client, refreshDelayMs: 100 });
    store.getState().setShop(1);
    await vi.runAllTimersAsync();
    expect(store.getState().total).toBe(0);

    const fresh = conv(1, '2026-03-01T00:00:00Z');
    fake.set([fresh]);
    store.getState().applyConversation(fresh);
    store.getState().applyConversation(fresh); // a burst is coalesced into one re-read
    await vi.runAllTimersAsync();
    expect(store.getState().total).toBe(1);
    expect(fake.calls.filter((c) => c.name === 'conversations/list')).toHaveLength(2);

    // Same activity time and status: updated in place, no re-read.
    store.getState().applyConversation({ ...fresh, unread: 0 });
    await vi.runAllTimersAsync();
    expect(store.getState().rows[0]?.unread).toBe(0);
    expect(fake.calls.filter((c) => c.name === 'conversations/list')).toHaveLength(2);
    // Another shop's event is ignored.
    store.getState().applyConversation({ ...fresh, shopId: 2, unread: 5 });
    expect(store.getState().rows[0]?.unread).toBe(0);
  });

  it('moves a conversation with new activity to the top from the pushed event, without re-reading the list', async () => {
    vi.useFakeTimers();
    const fake = fakeClient(many(120));
    const store = createInboxStore({ client: fake.client, refreshDelayMs: 100 });
    store.getState().setShop(1);
    await vi.runAllTimersAsync();
    store.getState().ensureRange(50, 99);
    await vi.runAllTimersAsync();
    const reads = () => fake.calls.filter((c) => c.name === 'conversations/list').length;
    const before = reads();
    // The keyset page after page 0 starts after its last row.
    expect(fake.calls.filter((c) => c.name === 'conversations/list').at(-1)?.input.after).toEqual({
      lastMessageAt: store.getState().rows[49]?.lastMessageAt,
      id: 71,
    });
    const moved = { ...store.getState().rows[60]!, lastMessageAt: '2026-06-01T00:00:00.000Z', lastPreview: 'new message' };
    store.getState().applyConversation(moved);
    await vi.runAllTimersAsync();
    const ids = Object.entries(store.getState().rows)
      .sort(([a], [b]) => Number(a) - Number(b))
      .map(([, c]) => c.id);
    expect(ids.slice(0, 3)).toEqual([moved.id, 120, 119]);
    expect(ids).toHaveLength(100);
    expect(new Set(ids).size).toBe(100);
    expect(reads()).toBe(before);

    // Resolved under an "open" filter: it leaves the list and the count.
    store.getState().setFilter({ status: 'open' });
    await vi.runAllTimersAsync();
    const afterFilter = reads();
    const total = store.getState().total;
    store.getState().applyConversation({ ...store.getState().rows[2]!, status: 'resolved', lastMessageAt: '2026-07-01T00:00:00.000Z' });
    expect(store.getState().total).toBe(total - 1);
    expect(Object.values(store.getState().rows).some((c) => c.status === 'resolved')).toBe(false);
    await vi.runAllTimersAsync();
    expect(reads()).toBe(afterFilter);
  });

  it('applies what core answers to a write, and shows core’s error message on failure', async () => {
    const fake = fakeClient(many(2));
    const store = createInboxStore({ client: fake.client });
    store.getState().setShop(1);
    await flush();
    await store.getState().select(2);
    await store.getState().setTakeover(true);
    expect(store.getState().selected).toMatchObject({ id: 2, takeover: true, status: 'waiting_human' });
    expect(store.getState().rows[0]).toMatchObject({ id: 2, takeover: true });

    await store.getState().select(77);
    store.setState({ selected: conv(77, '2026-01-01T00:00:00Z') });
    await store.getState().setTakeover(true);
    expect(store.getState().error).toBe('No such conversation');
  });

  it('a late mark-read answer does not put back a status that a newer event changed', async () => {
    vi.useFakeTimers();
    const fake = fakeClient(many(1));
    const store = createInboxStore({ client: fake.client });
    store.getState().setShop(1);
    await vi.runAllTimersAsync();
    await store.getState().select(1); // mark-read is sent; the fake answers with the old 'open' state
    store.getState().applyConversation({ ...(store.getState().selected as Conversation), status: 'pending_approval' });
    await vi.runAllTimersAsync();
    expect(store.getState().selected).toMatchObject({ status: 'pending_approval', unread: 0 });
  });

  it('appends pushed messages only to the open conversation and marks it read', async () => {
    vi.useFakeTimers();
    const fake = fakeClient(many(2));
    const store = createInboxStore({ client: fake.client });
    store.getState().setShop(1);
    await vi.runAllTimersAsync();
    await store.getState().select(1);
    await vi.runAllTimersAsync();
    const base = {
      shopId: 1,
      direction: 'in' as const,
      author: 'customer' as const,
      kind: 'text' as const,
      status: 'received' as const,
      channelMessageId: null,
      error: null,
      createdAt: '',
    };
    store.getState().applyMessage({ ...base, id: 10, conversationId: 2, text: 'other chat' });
    store.getState().applyMessage({ ...base, id: 11, conversationId: 1, text: 'this chat' });
    expect(store.getState().messages.map((m) => m.text)).toEqual(['this chat']);
    await vi.runAllTimersAsync();
    expect(fake.calls.some((c) => c.name === 'conversations/mark-read' && c.input.conversationId === 1)).toBe(true);
    expect(PAGE_SIZE).toBe(50);
  });
});
