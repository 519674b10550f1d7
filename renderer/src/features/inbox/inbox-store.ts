import { createStore } from 'zustand/vanilla';
import type { Contact, Conversation, ConversationStatus, Message } from '../../../../shared/domain/schemas';
import type { QuickReply } from '../../../../shared/domain/inbox';
import { CallError, type Client } from '../../api/client';
import type { EventPayload } from '../../../../shared/contract/events';
import { mergeMessage, moveToTop, pagesFor, replaceRows } from './inbox-model';

export const PAGE_SIZE = 50;

export interface InboxFilter {
  status: ConversationStatus | null;
  query: string;
}

export interface InboxState {
  shopId: number | null;
  filter: InboxFilter;
  /** Rows of the current filter by list position; a hole is a row not fetched yet. */
  rows: Record<number, Conversation>;
  total: number;
  /** A search stopped counting: `total` is a lower bound (the page shows "500+"). */
  totalCapped: boolean;
  /** Pages fetched (or being fetched) for the current generation. */
  pages: Record<number, 'loading' | 'loaded'>;
  /** Bumped whenever the list must be re-read; answers for an older one are dropped. */
  generation: number;
  listLoaded: boolean;
  /** Rows the list currently shows, so a refresh re-reads only those. */
  visible: [number, number];
  selectedId: number | null;
  selected: Conversation | null;
  messages: Message[];
  messagesLoading: boolean;
  quickReplies: QuickReply[];
  /** Contacts whose blocked flag this session knows (Conversation does not carry it). */
  blocked: Record<number, boolean>;
  /** The last failed action, shown once to the seller. */
  error: string | null;
  /** The contract's code of that error (`conflict`: already handled elsewhere, e.g. on the computer). */
  errorCode: string | null;
}

export interface InboxActions {
  setShop(shopId: number | null): void;
  setFilter(patch: Partial<InboxFilter>): void;
  ensureRange(start: number, end: number): void;
  refresh(): void;
  select(conversationId: number | null): Promise<void>;
  /** Pushed events (called only from stores/wire-events.ts). */
  applyConversation(conversation: Conversation): void;
  applyMessage(message: Message): void;
  applyEscalation(e: EventPayload<'conversations/escalated'>): void;
  reply(text: string): Promise<boolean>;
  /** Sends a photo from the reply bar (base64 bytes) with an optional caption; true when queued. */
  replyPhoto(photo: { mime: 'image/jpeg' | 'image/png' | 'image/webp'; dataBase64: string; caption: string }): Promise<boolean>;
  setTakeover(takeover: boolean): Promise<void>;
  setStatus(status: 'open' | 'resolved'): Promise<void>;
  setBlocked(blocked: boolean): Promise<void>;
  /** Erases the open conversation's customer (contacts/delete); true when done. */
  deleteCustomer(): Promise<boolean>;
  approveDraft(messageId: number, text?: string): Promise<void>;
  rejectDraft(messageId: number): Promise<void>;
  loadQuickReplies(): Promise<void>;
  saveQuickReply(input: { id?: number; name: string; text: string }): Promise<boolean>;
  deleteQuickReply(id: number): Promise<void>;
  clearError(): void;
}

export type InboxStoreState = InboxState & InboxActions;

const initial = (shopId: number | null): InboxState => ({
  shopId,
  filter: { status: null, query: '' },
  rows: {},
  total: 0,
  totalCapped: false,
  pages: {},
  generation: 0,
  listLoaded: false,
  visible: [0, PAGE_SIZE - 1],
  selectedId: null,
  selected: null,
  messages: [],
  messagesLoading: false,
  quickReplies: [],
  blocked: {},
  error: null,
  errorCode: null,
});

export interface InboxStoreConfig {
  client: Client;
  /** Delay that coalesces a burst of conversation updates into one list re-read. */
  refreshDelayMs?: number;
}

/**
 * The inbox's view state. The list is paged from core (the DOM shows a window of it, see
 * ConversationList); every write goes through the contract and applies core's answer.
 */
export function createInboxStore({ client, refreshDelayMs = 250 }: InboxStoreConfig) {
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;
  let markReadTimer: ReturnType<typeof setTimeout> | null = null;

  return createStore<InboxStoreState>((set, get) => {
    const fail = (err: unknown) =>
      set({ error: err instanceof Error ? err.message : String(err), errorCode: err instanceof CallError ? err.code : null });
    const shopOrNull = () => get().shopId;

    async function fetchPage(page: number): Promise<void> {
      const { shopId, filter, generation } = get();
      if (shopId === null) return;
      set({ pages: { ...get().pages, [page]: 'loading' } });
      // Keyset when the row before this page is known (scrolling down): core walks its index from
      // there instead of skipping `offset` rows. The offset stays for a list that moved meanwhile.
      const before = page > 0 ? get().rows[page * PAGE_SIZE - 1] : undefined;
      try {
        const result = await client.send('conversations/list', {
          shopId,
          offset: page * PAGE_SIZE,
          ...(before ? { after: { lastMessageAt: before.lastMessageAt, id: before.id } } : {}),
          limit: PAGE_SIZE,
          ...(filter.status ? { status: filter.status } : {}),
          ...(filter.query.trim() ? { query: filter.query.trim() } : {}),
        });
        if (get().generation !== generation || get().shopId !== shopId) return;
        set({
          rows: replaceRows(get().rows, page * PAGE_SIZE, result.items, result.total),
          // A conversation opened by address (#/inbox/12) before the list arrived gets its header here.
          selected: get().selected ?? result.items.find((c) => c.id === get().selectedId) ?? null,
          total: result.total,
          totalCapped: result.totalCapped === true,
          pages: { ...get().pages, [page]: 'loaded' },
          listLoaded: true,
        });
      } catch (err) {
        if (get().generation !== generation) return;
        const pages = { ...get().pages };
        delete pages[page];
        set({ pages, listLoaded: true });
        fail(err);
      }
    }

    function markRead(delayMs: number): void {
      if (markReadTimer) clearTimeout(markReadTimer);
      markReadTimer = setTimeout(() => {
        markReadTimer = null;
        const { shopId, selected } = get();
        if (shopId === null || !selected || selected.unread === 0) return;
        client.send('conversations/mark-read', { shopId, conversationId: selected.id }).then((c) => patchConversation(c, ['unread']), fail);
      }, delayMs);
    }

    /**
     * Applies only the fields a write changed. The HTTP answer can arrive after a newer
     * `conversations/updated` event (which carries the whole state, in order), so taking the
     * whole answer could put back an older status.
     */
    function patchConversation(answer: Conversation, fields: readonly (keyof Conversation)[]): void {
      const base = get().selected?.id === answer.id ? get().selected : Object.values(get().rows).find((c) => c.id === answer.id);
      if (!base) return get().applyConversation(answer);
      const patch = Object.fromEntries(fields.map((f) => [f, answer[f]])) as Partial<Conversation>;
      get().applyConversation({ ...base, ...patch });
    }

    /** Runs a write for the open conversation and applies the fields it changed. */
    async function onSelected(
      write: (shopId: number, conversation: Conversation) => Promise<Conversation>,
      fields: readonly (keyof Conversation)[],
    ): Promise<void> {
      const { shopId, selected } = get();
      if (shopId === null || !selected) return;
      try {
        patchConversation(await write(shopId, selected), fields);
      } catch (err) {
        fail(err);
      }
    }

    return {
      ...initial(null),

      setShop(shopId) {
        if (shopId === get().shopId) return;
        set({ ...initial(shopId), generation: get().generation + 1 });
        if (shopId === null) return;
        get().ensureRange(0, PAGE_SIZE - 1);
        void get().loadQuickReplies();
      },

      setFilter(patch) {
        const filter = { ...get().filter, ...patch };
        set({
          filter,
          rows: {},
          total: 0,
          totalCapped: false,
          pages: {},
          generation: get().generation + 1,
          listLoaded: false,
          visible: [0, PAGE_SIZE - 1],
        });
        get().ensureRange(0, PAGE_SIZE - 1);
      },

      ensureRange(start, end) {
        set({ visible: [start, end] });
        const { pages, total, listLoaded } = get();
        for (const page of pagesFor(start, end, PAGE_SIZE, listLoaded ? total : Number.POSITIVE_INFINITY)) {
          if (!pages[page]) void fetchPage(page);
        }
      },

      refresh() {
        if (refreshTimer) return;
        refreshTimer = setTimeout(() => {
          refreshTimer = null;
          // Keep the rows on screen while re-reading, so the list does not flash empty.
          set({ pages: {}, generation: get().generation + 1 });
          // The stale total may be too small (a new conversation arrived), so it does not bound the re-read.
          const [start, end] = get().visible;
          for (const page of pagesFor(start, Math.max(end, 0), PAGE_SIZE, Number.POSITIVE_INFINITY)) void fetchPage(page);
        }, refreshDelayMs);
      },

      async select(conversationId) {
        const { shopId } = get();
        const fromList = Object.values(get().rows).find((c) => c.id === conversationId) ?? null;
        set({ selectedId: conversationId, selected: fromList, messages: [], messagesLoading: conversationId !== null });
        if (shopId === null || conversationId === null) return;
        try {
          const messages = await client.send('conversations/list-messages', { shopId, conversationId });
          if (get().selectedId !== conversationId) return;
          // Events may have arrived while loading: keep them.
          set({ messages: get().messages.reduce(mergeMessage, messages), messagesLoading: false });
          markRead(0);
        } catch (err) {
          set({ messagesLoading: false });
          fail(err);
        }
      },

      applyConversation(conversation) {
        if (conversation.shopId !== get().shopId) return;
        const { filter } = get();
        const delta = moveToTop(get().rows, conversation, filter);
        const selected = get().selectedId === conversation.id ? conversation : get().selected;
        if (delta) {
          set({ rows: delta.rows, total: Math.max(0, get().total + delta.totalChange), selected });
          return;
        }
        // Not applicable as a delta (a search is on, or a row the list has not loaded): re-read the visible pages.
        const rows = { ...get().rows };
        for (const [index, row] of Object.entries(rows)) if (row.id === conversation.id) rows[Number(index)] = conversation;
        set({ rows, selected });
        get().refresh();
      },

      applyMessage(message) {
        if (message.shopId !== get().shopId || message.conversationId !== get().selectedId) return;
        set({ messages: mergeMessage(get().messages, message) });
        if (message.direction === 'in') markRead(400);
      },

      applyEscalation({ shopId, conversationId, reason, notices }) {
        const selected = get().selected;
        if (shopId !== get().shopId || !selected || selected.id !== conversationId) return;
        set({ selected: { ...selected, escalationReason: reason, escalation: notices } });
      },

      async reply(text) {
        const { shopId, selected } = get();
        if (shopId === null || !selected) return false;
        try {
          const message = await client.send('conversations/reply', { shopId, conversationId: selected.id, text });
          get().applyMessage(message);
          return true;
        } catch (err) {
          fail(err);
          return false;
        }
      },

      async replyPhoto(photo) {
        const { shopId, selected } = get();
        if (shopId === null || !selected) return false;
        try {
          const message = await client.send('conversations/reply-photo', { shopId, conversationId: selected.id, ...photo });
          get().applyMessage(message);
          return true;
        } catch (err) {
          fail(err);
          return false;
        }
      },

      setTakeover: (takeover) =>
        onSelected(
          (shopId, c) => client.send('conversations/set-takeover', { shopId, conversationId: c.id, takeover }),
          ['takeover', 'status', 'escalationReason', 'escalation'],
        ),
      setStatus: (status) =>
        onSelected(
          (shopId, c) => client.send('conversations/set-status', { shopId, conversationId: c.id, status }),
          ['status', 'escalationReason', 'escalation'],
        ),

      async setBlocked(blocked) {
        const { shopId, selected } = get();
        if (shopId === null || !selected) return;
        try {
          const contact: Contact = await client.send('contacts/set-blocked', { shopId, contactId: selected.contactId, blocked });
          set({ blocked: { ...get().blocked, [contact.id]: contact.blocked } });
        } catch (err) {
          fail(err);
        }
      },

      async deleteCustomer() {
        const { shopId, selected } = get();
        if (shopId === null || !selected) return false;
        try {
          await client.send('contacts/delete', { shopId, contactId: selected.contactId });
          set({ selectedId: null, selected: null, messages: [] });
          get().refresh();
          return true;
        } catch (err) {
          fail(err);
          return false;
        }
      },

      async approveDraft(messageId, text) {
        const shopId = shopOrNull();
        if (shopId === null) return;
        try {
          get().applyMessage(await client.send('drafts/approve', { shopId, messageId, ...(text ? { text } : {}) }));
        } catch (err) {
          fail(err);
        }
      },

      async rejectDraft(messageId) {
        const shopId = shopOrNull();
        if (shopId === null) return;
        try {
          get().applyMessage(await client.send('drafts/reject', { shopId, messageId }));
        } catch (err) {
          fail(err);
        }
      },

      async loadQuickReplies() {
        const shopId = shopOrNull();
        if (shopId === null) return;
        try {
          const quickReplies = await client.send('quick-replies/list', { shopId });
          if (get().shopId === shopId) set({ quickReplies });
        } catch (err) {
          fail(err);
        }
      },

      async saveQuickReply(input) {
        const shopId = shopOrNull();
        if (shopId === null) return false;
        try {
          const saved = await client.send('quick-replies/save', { shopId, ...input });
          const others = get().quickReplies.filter((q) => q.id !== saved.id);
          set({ quickReplies: [...others, saved].sort((a, b) => a.name.localeCompare(b.name)) });
          return true;
        } catch (err) {
          fail(err);
          return false;
        }
      },

      async deleteQuickReply(id) {
        const shopId = shopOrNull();
        if (shopId === null) return;
        try {
          await client.send('quick-replies/delete', { shopId, id });
          set({ quickReplies: get().quickReplies.filter((q) => q.id !== id) });
        } catch (err) {
          fail(err);
        }
      },

      clearError: () => set({ error: null, errorCode: null }),
    };
  });
}
export type InboxStore = ReturnType<typeof createInboxStore>;
