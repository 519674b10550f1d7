import type SQLite from 'better-sqlite3';
import type { Conversation, ConversationStatus } from '../../../shared/domain/schemas';
import { type ConversationRow, ftsQuery, toConversation } from './conversations-repo';

export interface ListQuery {
  shopId: number;
  status?: ConversationStatus | undefined;
  query?: string | undefined;
  /** Keyset: the last row of the previous page (cheaper than an offset deep in the list). */
  after?: { lastMessageAt: string | null; id: number } | undefined;
  offset: number;
  limit: number;
}

export interface ListPage {
  items: Conversation[];
  total: number;
  /** The search stopped counting at SEARCH_CAP: `total` is a lower bound ("500+"). */
  totalCapped?: boolean;
}

/** Conversations a search collects from each source before it stops counting. */
export const SEARCH_CAP = 500;

const COLUMNS = `c.id, c.shop_id, c.account_id, c.contact_id, c.status, c.takeover, c.unread, c.last_message_at, c.last_preview,
  c.escalation_reason, k.jid, k.name`;
const ORDER = 'ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit OFFSET @offset';
// Row values walk the (shop, [status,] activity, id) index from the cursor on; rows without activity sort last.
const AFTER = `AND ((c.last_message_at, c.id) < (@at, @id) OR (c.last_message_at IS NULL AND (@at IS NOT NULL OR c.id < @id)))`;

/** A phone number typed the way sellers type them ("0550 12 34 56", "+213 550…") as the digits stored in the JID. */
function phoneDigits(needle: string): string | null {
  if (!/^[\d\s+().-]+$/.test(needle)) return null;
  const digits = needle.replace(/\D/g, '').replace(/^0+/, '');
  return digits.length ? digits : null;
}

/** A trigram phrase: the whole needle as one substring, quotes doubled so FTS syntax is only text. */
const trigramPhrase = (needle: string) => `"${needle.replace(/"/g, '""')}"`;

/**
 * The inbox list and search in SQL, with the page limit inside the query: the list walks the
 * activity index from the page start, its total comes from conversation_counts (kept by
 * triggers), and a search gathers at most SEARCH_CAP matching conversations from the message
 * index (newest matches first) and the contact index before ordering them by activity.
 */
export function makeConversationList(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) statements.set(sql, (s = sqlite.prepare(sql)));
    return s;
  };
  const countAll = sqlite.prepare<[number], { n: number | null }>('SELECT sum(n) AS n FROM conversation_counts WHERE shop_id = ?');
  const countStatus = sqlite.prepare<[number, string], { n: number }>('SELECT n FROM conversation_counts WHERE shop_id = ? AND status = ?');

  function params(q: ListQuery) {
    return {
      shop: q.shopId,
      status: q.status ?? null,
      at: q.after?.lastMessageAt ?? null,
      id: q.after?.id ?? 0,
      limit: q.limit,
      offset: q.after ? 0 : q.offset,
    };
  }

  function list(q: ListQuery): ListPage {
    const where = `c.shop_id = @shop ${q.status ? 'AND c.status = @status' : ''} ${q.after ? AFTER : ''}`;
    const rows = prepared(`SELECT ${COLUMNS} FROM conversations c JOIN contacts k ON k.id = c.contact_id WHERE ${where} ${ORDER}`).all(
      params(q),
    ) as ConversationRow[];
    const total = q.status ? (countStatus.get(q.shopId, q.status)?.n ?? 0) : (countAll.get(q.shopId)?.n ?? 0);
    return { items: rows.map(toConversation), total: Math.max(0, total) };
  }

  /** Distinct conversation ids from a statement's rows, in its order, up to the cap. */
  function collect(statement: SQLite.Statement, args: Record<string, unknown>, into: Set<number>): boolean {
    let found = 0;
    for (const row of statement.iterate(args) as IterableIterator<{ id: number }>) {
      if (!into.has(row.id)) {
        into.add(row.id);
        if (++found >= SEARCH_CAP) return true;
      }
    }
    return false;
  }

  function search(q: ListQuery, needle: string): ListPage {
    const ids = new Set<number>();
    const statusJoin = q.status ? 'AND c.status = @status' : '';
    const args = { shop: q.shopId, status: q.status ?? null };
    let capped = false;
    // Whole words first: a term's matches are read lazily, newest first, so a common word stops
    // at the cap quickly. A prefix ("kaby" for "kabyle") loads every matching term's list, so it
    // runs only when whole words did not fill the cap.
    const byMessage = prepared(
      `SELECT m.conversation_id AS id FROM messages_fts f JOIN messages m ON m.id = f.rowid
       ${q.status ? 'JOIN conversations c ON c.id = m.conversation_id' : ''}
       WHERE messages_fts MATCH @match AND m.shop_id = @shop ${statusJoin} ORDER BY f.rowid DESC`,
    );
    for (const prefix of [false, true]) {
      const words = ftsQuery(needle, prefix);
      if (!words || capped) continue;
      capped = collect(byMessage, { ...args, match: words }, ids);
    }
    const digits = phoneDigits(needle);
    const like = `%${(digits ?? needle).replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    // Contacts first, then their conversations (CROSS JOIN keeps that order: after ANALYZE the
    // planner preferred walking every conversation of the shop against the match list, 100–200 ms).
    // Fewer than three characters make no trigram: those use LIKE over the covering name index.
    const byContactIndex = `SELECT c.id FROM contacts_fts f CROSS JOIN conversations c ON c.contact_id = f.rowid
       WHERE contacts_fts MATCH @match AND c.shop_id = @shop ${statusJoin}`;
    const contactSql =
      (digits ?? needle).length >= 3
        ? byContactIndex
        : digits
          ? `SELECT c.id FROM contacts k JOIN conversations c ON c.contact_id = k.id WHERE k.shop_id = @shop AND k.jid LIKE @like ESCAPE '\\' ${statusJoin}`
          : `SELECT c.id FROM contacts k INDEXED BY contacts_shop_name JOIN conversations c ON c.contact_id = k.id
             WHERE k.shop_id = @shop AND k.name IS NOT NULL AND k.name LIKE @like ESCAPE '\\' ${statusJoin}`;
    const match = `${digits ? 'jid' : 'name'} : ${trigramPhrase(digits ?? needle)}`;
    const fromContacts = new Set<number>();
    capped = collect(prepared(contactSql), { ...args, match, like }, fromContacts) || capped;
    for (const id of fromContacts) ids.add(id);

    // The page is ordered among the matches only (at most two caps of ids), then joined to contacts:
    // walking the shop's activity index against the id list read every conversation when matches were old.
    const json = JSON.stringify([...ids]);
    const where = `c.shop_id = @shop ${q.status ? 'AND c.status = @status' : ''} ${q.after ? AFTER : ''}`;
    const rows = prepared(
      `SELECT ${COLUMNS} FROM (SELECT c.* FROM json_each(@ids) j CROSS JOIN conversations c ON c.id = j.value WHERE ${where} ${ORDER}) c
       JOIN contacts k ON k.id = c.contact_id ORDER BY c.last_message_at DESC, c.id DESC`,
    ).all({ ...params(q), ids: json }) as ConversationRow[];
    const total = (
      prepared('SELECT count(*) AS n FROM json_each(@ids) j CROSS JOIN conversations c ON c.id = j.value WHERE c.shop_id = @shop').get({
        shop: q.shopId,
        ids: json,
      }) as { n: number }
    ).n;
    return { items: rows.map(toConversation), total, ...(capped ? { totalCapped: true } : {}) };
  }

  return {
    page(q: ListQuery): ListPage {
      const needle = q.query?.trim();
      return needle ? search(q, needle) : list(q);
    },
  };
}
