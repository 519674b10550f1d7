import { type Expression, type Selectable, type SqlBool, expressionBuilder, sql } from 'kysely';
import type { Conversation, ConversationStatus } from '../../../shared/domain/schemas';
import { ftsQuery, toConversation } from './conversations-repo';
import type { Database } from '../database';
import { type ReadableSqlite, typedStatements } from '../store';

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

/** The list's columns: a conversation and its contact (ConversationRow). */
const COLUMNS = [
  'c.id',
  'c.shop_id',
  'c.account_id',
  'c.contact_id',
  'c.status',
  'c.takeover',
  'c.unread',
  'c.last_message_at',
  'c.last_preview',
  'c.escalation_reason',
  'k.jid',
  'k.name',
] as const;

/** Core's tables with `c` standing for conversations: what the list's shared filter is built against. */
type ListTables = Database & { c: Database['conversations'] };

/** A page's values, by name: the status and cursor are read only by the shapes that filter on them. */
interface PageValues {
  shopId: number;
  status: string;
  /** The cursor's activity time (null: the cursor row had none). */
  at: string | null;
  /** The cursor's id. */
  id: number;
  limit: number;
  offset: number;
}

/** Which filters a query has: each combination is its own statement, built and prepared once. */
interface Shape {
  status: boolean;
  after: boolean;
}

const shapeId = (shape: Shape) => `${shape.status}/${shape.after}`;
const shapeOf = (q: ListQuery): Shape => ({ status: Boolean(q.status), after: Boolean(q.after) });

function pageValues(q: ListQuery): PageValues {
  return {
    shopId: q.shopId,
    status: q.status ?? '',
    at: q.after?.lastMessageAt ?? null,
    id: q.after?.id ?? 0,
    limit: q.limit,
    offset: q.after ? 0 : q.offset,
  };
}

/**
 * The page's filter on `c` (shop, status, keyset cursor), shared by the list and the search's page.
 * Row values walk the (shop, [status,] activity, id) index from the cursor on; rows without activity sort last.
 */
function pageFilter(p: PageValues, shape: Shape): Expression<SqlBool> {
  const eb = expressionBuilder<ListTables, 'c'>();
  const terms = [eb('c.shop_id', '=', p.shopId)];
  if (shape.status) terms.push(eb('c.status', '=', p.status));
  if (shape.after)
    terms.push(
      eb.or([
        eb(eb.refTuple('c.last_message_at', 'c.id'), '<', eb.tuple(p.at, p.id)),
        eb.and([eb('c.last_message_at', 'is', null), eb.or([eb(eb.val(p.at), 'is not', null), eb('c.id', '<', p.id)])]),
      ]),
    );
  return eb.and(terms);
}

/**
 * One statement per query shape, built and prepared on first use. Not `statements.now`: building
 * the kysely query on every call cost more than SQLite does (a page 0.55 → 0.89 ms of CPU, a search
 * 4.4 → 5.9 ms at 100,000 conversations), and the shapes are few (status, cursor, which index).
 */
function perShape<K, V>(make: (key: K) => V, idOf: (key: K) => string): (key: K) => V {
  const made = new Map<string, V>();
  return (key) => {
    const id = idOf(key);
    let value = made.get(id);
    if (!value) made.set(id, (value = make(key)));
    return value;
  };
}

/** `column LIKE pattern ESCAPE '\'`: kysely's `like` has no ESCAPE clause. */
const likeEscaped = (column: 'k.jid' | 'k.name', pattern: string) => sql<SqlBool>`${sql.ref(column)} LIKE ${pattern} ESCAPE '\\'`;

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
export function makeConversationList(sqlite: ReadableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  const countAll = statements.prepare((db, p: { shopId: number }) =>
    db
      .selectFrom('conversation_counts')
      .select((eb) => eb.fn.sum<number | null>('n').as('n'))
      .where('shop_id', '=', p.shopId),
  );
  const countStatus = statements.prepare((db, p: { shopId: number; status: string }) =>
    db.selectFrom('conversation_counts').select('n').where('shop_id', '=', p.shopId).where('status', '=', p.status),
  );
  const listOf = perShape(
    (shape: Shape) =>
      statements.prepare((db, p: PageValues) =>
        db
          .selectFrom('conversations as c')
          .innerJoin('contacts as k', 'k.id', 'c.contact_id')
          .select(COLUMNS)
          .where(pageFilter(p, shape))
          .orderBy('c.last_message_at', 'desc')
          .orderBy('c.id', 'desc')
          .limit(p.limit)
          .offset(p.offset),
      ),
    shapeId,
  );
  /** Conversations whose messages match the FTS query, newest match first. */
  const byMessage = perShape(
    (status: boolean) =>
      statements.prepare((db, p: { match: string; shopId: number; status: string }) => {
        const scoped = status
          ? db
              .selectFrom('messages_fts as f')
              .innerJoin('messages as m', 'm.id', 'f.rowid')
              .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
              .select('m.conversation_id as id')
              .where(sql<SqlBool>`messages_fts MATCH ${p.match}`)
              .where('m.shop_id', '=', p.shopId)
              .where('c.status', '=', p.status)
          : db
              .selectFrom('messages_fts as f')
              .innerJoin('messages as m', 'm.id', 'f.rowid')
              .select('m.conversation_id as id')
              .where(sql<SqlBool>`messages_fts MATCH ${p.match}`)
              .where('m.shop_id', '=', p.shopId);
        return scoped.orderBy('f.rowid', 'desc');
      }),
    String,
  );
  /**
   * Conversations of the contacts whose name or number matches. Contacts first, then their
   * conversations (CROSS JOIN keeps that order: after ANALYZE the planner preferred walking every
   * conversation of the shop against the match list, 100–200 ms). Fewer than three characters make
   * no trigram: those use LIKE over the covering name index.
   */
  const byContact = perShape(
    ({ by, status }: { by: 'index' | 'jid' | 'name'; status: boolean }) =>
      statements.prepare((db, p: { match: string; like: string; shopId: number; status: string }) => {
        if (by === 'index')
          return db
            .selectFrom('contacts_fts as f')
            .crossJoin('conversations as c')
            .select('c.id')
            .whereRef('c.contact_id', '=', 'f.rowid')
            .where(sql<SqlBool>`contacts_fts MATCH ${p.match}`)
            .where('c.shop_id', '=', p.shopId)
            .$if(status, (qb) => qb.where('c.status', '=', p.status));
        if (by === 'jid')
          return db
            .selectFrom('contacts as k')
            .innerJoin('conversations as c', 'c.contact_id', 'k.id')
            .select('c.id')
            .where('k.shop_id', '=', p.shopId)
            .where(likeEscaped('k.jid', p.like))
            .$if(status, (qb) => qb.where('c.status', '=', p.status));
        return db
          .selectFrom(sql<Selectable<Database['contacts']>>`contacts`.as<'k'>(sql`k INDEXED BY contacts_shop_name`))
          .innerJoin('conversations as c', 'c.contact_id', 'k.id')
          .select('c.id')
          .where('k.shop_id', '=', p.shopId)
          .where('k.name', 'is not', null)
          .where(likeEscaped('k.name', p.like))
          .$if(status, (qb) => qb.where('c.status', '=', p.status));
      }),
    ({ by, status }) => `${by}/${status}`,
  );
  /** The search's page: ordered among the matched ids only, then joined to contacts. */
  const matchedPageOf = perShape(
    (shape: Shape) =>
      statements.prepare((db, p: PageValues & { ids: string }) =>
        db
          .selectFrom(
            db
              .selectFrom(sql<{ value: number }>`json_each(${p.ids})`.as('j'))
              .crossJoin('conversations as c')
              .selectAll('c')
              .whereRef('c.id', '=', 'j.value')
              .where(pageFilter(p, shape))
              .orderBy('c.last_message_at', 'desc')
              .orderBy('c.id', 'desc')
              .limit(p.limit)
              .offset(p.offset)
              .as('c'),
          )
          .innerJoin('contacts as k', 'k.id', 'c.contact_id')
          .select(COLUMNS)
          .orderBy('c.last_message_at', 'desc')
          .orderBy('c.id', 'desc'),
      ),
    shapeId,
  );
  const matchedTotal = statements.prepare((db, p: { ids: string; shopId: number }) =>
    db
      .selectFrom(sql<{ value: number }>`json_each(${p.ids})`.as('j'))
      .crossJoin('conversations as c')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .whereRef('c.id', '=', 'j.value')
      .where('c.shop_id', '=', p.shopId),
  );

  function list(q: ListQuery): ListPage {
    const rows = listOf(shapeOf(q)).all(pageValues(q));
    const total = q.status
      ? (countStatus.get({ shopId: q.shopId, status: q.status })?.n ?? 0)
      : (countAll.get({ shopId: q.shopId })?.n ?? 0);
    return { items: rows.map(toConversation), total: Math.max(0, total) };
  }

  /** Distinct conversation ids from a query's rows, in its order, up to the cap. */
  function collect(rows: Iterable<{ id: number }>, into: Set<number>): boolean {
    let found = 0;
    for (const row of rows) {
      if (!into.has(row.id)) {
        into.add(row.id);
        if (++found >= SEARCH_CAP) return true;
      }
    }
    return false;
  }

  function search(q: ListQuery, needle: string): ListPage {
    const ids = new Set<number>();
    const status = Boolean(q.status);
    const scope = { shopId: q.shopId, status: q.status ?? '' };
    let capped = false;
    // Whole words first: a term's matches are read lazily, newest first, so a common word stops
    // at the cap quickly. A prefix ("kaby" for "kabyle") loads every matching term's list, so it
    // runs only when whole words did not fill the cap.
    for (const prefix of [false, true]) {
      const words = ftsQuery(needle, prefix);
      if (!words || capped) continue;
      capped = collect(byMessage(status).iterate({ ...scope, match: words }), ids);
    }
    const digits = phoneDigits(needle);
    const like = `%${(digits ?? needle).replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    const by = (digits ?? needle).length >= 3 ? 'index' : digits ? 'jid' : 'name';
    const match = `${digits ? 'jid' : 'name'} : ${trigramPhrase(digits ?? needle)}`;
    const fromContacts = new Set<number>();
    capped = collect(byContact({ by, status }).iterate({ ...scope, match, like }), fromContacts) || capped;
    for (const id of fromContacts) ids.add(id);

    // The page is ordered among the matches only (at most two caps of ids), then joined to contacts:
    // walking the shop's activity index against the id list read every conversation when matches were old.
    const json = JSON.stringify([...ids]);
    const rows = matchedPageOf(shapeOf(q)).all({ ...pageValues(q), ids: json });
    const total = matchedTotal.get({ ids: json, shopId: q.shopId })!.n;
    return { items: rows.map(toConversation), total, ...(capped ? { totalCapped: true } : {}) };
  }

  return {
    page(q: ListQuery): ListPage {
      const needle = q.query?.trim();
      return needle ? search(q, needle) : list(q);
    },
  };
}
