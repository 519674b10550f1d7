import { type Expression, sql } from 'kysely';
import type { Database } from '../../database';
import { type WritableSqlite, typedStatements } from '../../store';

/** A LIKE with `\` as its escape character (kysely has no ESCAPE clause): the pattern comes escaped by the caller. */
const likeEscaped = (value: Expression<string | null>, pattern: string) => sql<boolean>`${value} like ${pattern} escape '\\'`;

type Account = { accountId: number };

/** The account rows: its `wa_accounts` row made on demand and read with its `accounts` row, and the lists of accounts. */
function accountRows(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  return {
    ensure: statements.prepare((db, p: Account) => db.insertInto('wa_accounts').orIgnore().values({ account_id: p.accountId })),
    getRow: statements.prepare((db, p: Account) =>
      db
        .selectFrom('accounts as a')
        .innerJoin('wa_accounts as w', 'w.account_id', 'a.id')
        .selectAll('w')
        .select(['a.shop_id', 'a.label', 'a.phone', 'a.status', 'a.channel'])
        .where('a.id', '=', p.accountId),
    ),
    channelOf: statements.prepare((db, p: Account) => db.selectFrom('accounts').select('channel').where('id', '=', p.accountId)),
    running: statements.prepare((db) =>
      db
        .selectFrom('accounts')
        .select('id')
        .where('channel', '=', 'whatsapp')
        .where('status', 'in', ['connecting', 'qr_ready', 'connected']),
    ),
    autostart: statements.prepare((db) =>
      db
        .selectFrom('wa_accounts as w')
        .innerJoin('accounts as a', 'a.id', 'w.account_id')
        .select(['a.id as accountId', 'a.shop_id as shopId'])
        .where('w.autostart', '=', 1)
        .where('w.removed_at', 'is', null)
        .where('a.channel', '=', 'whatsapp')
        .orderBy('a.id'),
    ),
    idsOfShop: statements.prepare((db, p: { shopId: number }) =>
      db.selectFrom('accounts').select('id').where('shop_id', '=', p.shopId).where('channel', '=', 'whatsapp').orderBy('id'),
    ),
    conversationCount: statements.prepare((db, p: Account) =>
      db
        .selectFrom('conversations')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('account_id', '=', p.accountId),
    ),
  };
}

/** What the session writes on the account's `wa_accounts` row: status times, linking, autostart, decrypt failures, removal. */
function accountUpdates(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  return {
    connected: statements.prepare((db, p: Account & { detail: string | null; now: string }) =>
      db
        .updateTable('wa_accounts')
        .set({ status_detail: p.detail, last_connected_at: p.now, disconnected_since: null })
        .where('account_id', '=', p.accountId),
    ),
    disconnected: statements.prepare((db, p: Account & { detail: string | null; now: string }) =>
      db
        .updateTable('wa_accounts')
        .set((eb) => ({ status_detail: p.detail, disconnected_since: eb.fn.coalesce('disconnected_since', eb.val(p.now)) }))
        .where('account_id', '=', p.accountId),
    ),
    linked: statements.prepare((db, p: Account & { now: string }) =>
      db
        .updateTable('wa_accounts')
        .set((eb) => ({ linked_at: eb.fn.coalesce('linked_at', eb.val(p.now)), removed_at: null }))
        .where('account_id', '=', p.accountId),
    ),
    autostartSet: statements.prepare((db, p: Account & { on: number }) =>
      db.updateTable('wa_accounts').set({ autostart: p.on }).where('account_id', '=', p.accountId),
    ),
    decryptFailed: statements.prepare((db, p: Account) =>
      db
        .updateTable('wa_accounts')
        .set((eb) => ({ decrypt_failures: eb('decrypt_failures', '+', 1) }))
        .where('account_id', '=', p.accountId),
    ),
    decryptFailures: statements.prepare((db, p: Account) =>
      db.selectFrom('wa_accounts').select('decrypt_failures as n').where('account_id', '=', p.accountId),
    ),
    removed: statements.prepare((db, p: Account & { now: string }) =>
      db.updateTable('wa_accounts').set({ removed_at: p.now, autostart: 0, linked_at: null }).where('account_id', '=', p.accountId),
    ),
  };
}

/** The answer policy and the chats left alone. */
function policyRows(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  return {
    policyRow: statements.prepare((db, p: Account) => db.selectFrom('wa_accounts').selectAll().where('account_id', '=', p.accountId)),
    policySet: statements.prepare((db, p: Account & { mode: string; groups: string; catchUpMaxHours: number; historySync: number }) =>
      db
        .updateTable('wa_accounts')
        .set({ answer_mode: p.mode, groups: p.groups, catch_up_max_hours: p.catchUpMaxHours, history_sync: p.historySync })
        .where('account_id', '=', p.accountId),
    ),
    excluded: statements.prepare((db, p: Account) =>
      db
        .selectFrom('wa_excluded')
        .select(['jid', 'name'])
        .where('account_id', '=', p.accountId)
        .orderBy((eb) => eb('name', 'is', null))
        .orderBy('name')
        .orderBy('jid'),
    ),
    excludedClear: statements.prepare((db, p: Account) => db.deleteFrom('wa_excluded').where('account_id', '=', p.accountId)),
    excludedAdd: statements.prepare((db, p: Account & { jid: string; name: string | null }) =>
      db.insertInto('wa_excluded').orReplace().values({ account_id: p.accountId, jid: p.jid, name: p.name }),
    ),
    isExcluded: statements.prepare((db, p: Account & { jid: string }) =>
      db
        .selectFrom('wa_excluded')
        .select((eb) => eb.lit(1).as('found'))
        .where('account_id', '=', p.accountId)
        .where('jid', '=', p.jid),
    ),
  };
}

/** The phone's synced contacts. */
function contactRows(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  return {
    contactUpsert: statements.prepare((db, p: Account & { jid: string; name: string | null; notify: string | null; saved: number }) =>
      db
        .insertInto('wa_contacts')
        .values({ account_id: p.accountId, jid: p.jid, name: p.name, notify: p.notify, saved: p.saved })
        .onConflict((oc) =>
          oc.columns(['account_id', 'jid']).doUpdateSet((eb) => ({
            name: eb.fn.coalesce(eb.ref('excluded.name'), eb.ref('wa_contacts.name')),
            notify: eb.fn.coalesce(eb.ref('excluded.notify'), eb.ref('wa_contacts.notify')),
            // SQLite's two-argument max is the larger of the two: once saved, a contact stays saved.
            saved: eb.fn<number>('max', [eb.ref('wa_contacts.saved'), eb.ref('excluded.saved')]),
          })),
        ),
    ),
    isSaved: statements.prepare((db, p: Account & { jid: string }) =>
      db
        .selectFrom('wa_contacts')
        .select((eb) => eb.lit(1).as('found'))
        .where('account_id', '=', p.accountId)
        .where('jid', '=', p.jid)
        .where('saved', '=', 1),
    ),
    /** `like` is a LIKE pattern escaped with `\`; only phone-number chats (not groups, not LIDs) are listed. */
    contacts: statements.prepare((db, p: Account & { like: string }) =>
      db
        .selectFrom('wa_contacts')
        .select((eb) => ['jid', eb.fn.coalesce('name', 'notify').as('name'), 'saved'])
        .where('account_id', '=', p.accountId)
        .where((eb) => eb.or([likeEscaped(eb.fn.coalesce('name', 'notify', sql.lit('')), p.like), likeEscaped(eb.ref('jid'), p.like)]))
        .where('jid', 'like', '%@s.whatsapp.net')
        .orderBy('saved', 'desc')
        .orderBy((eb) => eb('name', 'is', null))
        .orderBy('name')
        .limit(500),
    ),
  };
}

/** Sent-message copies kept for retry requests, and the message counts of the Connect page. */
function messageRows(sqlite: WritableSqlite) {
  const statements = typedStatements<Database>(sqlite);
  return {
    sentSave: statements.prepare((db, p: Account & { messageId: string; remoteJid: string; content: Buffer; now: string }) =>
      db
        .insertInto('wa_sent')
        .orReplace()
        .values({ account_id: p.accountId, message_id: p.messageId, remote_jid: p.remoteJid, content: p.content, created_at: p.now }),
    ),
    sentGet: statements.prepare((db, p: Account & { messageId: string }) =>
      db.selectFrom('wa_sent').select('content').where('account_id', '=', p.accountId).where('message_id', '=', p.messageId),
    ),
    sentPrune: statements.prepare((db, p: { before: string }) => db.deleteFrom('wa_sent').where('created_at', '<', p.before)),
    countsSince: statements.prepare((db, p: Account & { since: string }) =>
      db
        .selectFrom('messages')
        .select((eb) => ['direction', eb.fn.countAll<number>().as('n')])
        .where('account_id', '=', p.accountId)
        .where('created_at', '>=', p.since)
        .groupBy('direction'),
    ),
  };
}

/**
 * The WhatsApp repository's queries (wa-repo.ts), built with kysely and prepared once. Built against
 * core's `Database` because the channel reads `accounts`, `conversations` and `messages` beside
 * its own `wa_*` tables; it writes only its own (and `accounts` through the accounts domain).
 */
export function prepareWaStatements(sqlite: WritableSqlite) {
  return { ...accountRows(sqlite), ...accountUpdates(sqlite), ...policyRows(sqlite), ...contactRows(sqlite), ...messageRows(sqlite) };
}
