import type { Conversation, Message, MessageStatus } from '../../../../shared/domain/schemas';
import type { QuickReply } from '../../../../shared/domain/inbox';

/** Pages (of `size` rows) that cover rows start..end, within `total` rows. */
export function pagesFor(start: number, end: number, size: number, total: number): number[] {
  const last = Math.min(end, total - 1);
  if (start < 0 || last < start) return [];
  const pages: number[] = [];
  for (let p = Math.floor(start / size); p <= Math.floor(last / size); p++) pages.push(p);
  return pages;
}

/** Puts a fetched page at `offset`, and drops rows beyond a list that shrank. */
export function replaceRows(
  rows: Record<number, Conversation>,
  offset: number,
  items: Conversation[],
  total: number,
): Record<number, Conversation> {
  const next: Record<number, Conversation> = {};
  for (const [key, row] of Object.entries(rows)) {
    const index = Number(key);
    if (index < total) next[index] = row;
  }
  items.forEach((item, i) => {
    next[offset + i] = item;
  });
  // A conversation that moved is now in this page: drop its stale copy elsewhere.
  const fresh = new Set(items.map((c) => c.id));
  for (const [key, row] of Object.entries(next)) {
    const index = Number(key);
    if ((index < offset || index >= offset + items.length) && fresh.has(row.id)) delete next[index];
  }
  return next;
}

/**
 * A pushed conversation update as a change to the loaded rows, so the list need not re-read
 * page 0 on every message: the same activity time and status keep the row in place; newer
 * activity moves it to the top (it is now the newest), or out of a status filter it no longer
 * matches. Returns null when only a re-read can say where it goes: a search is on, it is a
 * conversation the list has not loaded, or it joined a status filter without new activity.
 */
export function moveToTop(
  rows: Record<number, Conversation>,
  conversation: Conversation,
  filter: { status: Conversation['status'] | null; query: string },
): { rows: Record<number, Conversation>; totalChange: number } | null {
  if (filter.query.trim()) return null;
  const entry = Object.entries(rows).find(([, row]) => row.id === conversation.id);
  const matches = filter.status === null || filter.status === conversation.status;
  // Moving to the top needs the top loaded; an unknown conversation may be new (total changes).
  if (!entry || !rows[0]) return null;
  const [key, current] = entry;
  const at = Number(key);
  if (current.lastMessageAt === conversation.lastMessageAt && current.status === conversation.status) {
    return { rows: { ...rows, [at]: conversation }, totalChange: 0 };
  }
  const newer = (conversation.lastMessageAt ?? '') > (current.lastMessageAt ?? '');
  if (matches && !newer) return current.status === conversation.status ? { rows: { ...rows, [at]: conversation }, totalChange: 0 } : null;
  const next: Record<number, Conversation> = {};
  for (const [k, row] of Object.entries(rows)) {
    const index = Number(k);
    if (index === at) continue;
    // Rows above its old place shift down by one when it moves to the top; below it, up by one when it leaves.
    if (matches) next[index < at ? index + 1 : index] = row;
    else next[index > at ? index - 1 : index] = row;
  }
  if (matches) next[0] = conversation;
  return { rows: next, totalChange: matches ? 0 : -1 };
}

/** How far along its life a message is; statuses only move forward. */
const STATUS_RANK: Record<MessageStatus, number> = {
  received: 0,
  draft: 0,
  queued: 1,
  sending: 2,
  failed: 3,
  sent: 4,
  delivered: 5,
  read: 6,
  rejected: 7,
};

/**
 * Inserts or replaces a message by id, keeping the thread in id (= arrival) order. A copy with
 * an earlier status is ignored: the 'sent' event can overtake the HTTP answer that still says
 * 'queued', and the tick must not go backwards.
 */
export function mergeMessage(messages: Message[], message: Message): Message[] {
  const at = messages.findIndex((m) => m.id === message.id);
  if (at >= 0) {
    const current = messages[at] as Message;
    if (STATUS_RANK[message.status] < STATUS_RANK[current.status]) return messages;
    const next = messages.slice();
    next[at] = message;
    return next;
  }
  const next = [...messages, message];
  const previous = messages.at(-1);
  return previous && previous.id > message.id ? next.sort((a, b) => a.id - b.id) : next;
}

export type Tick = 'pending' | 'sent' | 'delivered' | 'read' | 'failed' | null;

/** The delivery tick an outbound bubble shows (WhatsApp's own vocabulary). */
export function tickFor(status: MessageStatus): Tick {
  switch (status) {
    case 'queued':
    case 'sending':
      return 'pending';
    case 'sent':
    case 'delivered':
    case 'read':
    case 'failed':
      return status;
    default:
      return null;
  }
}

/** The `/name` being typed just before the caret, if any (a quick reply trigger). */
export function slashQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(^|\s)\/([\p{L}\p{N}_-]*)$/u.exec(before);
  if (!match) return null;
  const query = match[2] ?? '';
  return { start: caret - query.length - 1, query };
}

/** Quick replies whose name starts with the query (case-insensitive), exact match first. */
export function matchQuickReplies(all: readonly QuickReply[], query: string): QuickReply[] {
  const q = query.toLocaleLowerCase();
  return all
    .filter((r) => r.name.toLocaleLowerCase().startsWith(q))
    .sort((a, b) => Number(b.name.toLocaleLowerCase() === q) - Number(a.name.toLocaleLowerCase() === q) || a.name.localeCompare(b.name));
}

/** Replaces the `/query` token at `start` with the reply's text; returns the new text and caret. */
export function insertQuickReply(text: string, start: number, caret: number, reply: QuickReply): { text: string; caret: number } {
  const next = text.slice(0, start) + reply.text + text.slice(caret);
  return { text: next, caret: start + reply.text.length };
}
