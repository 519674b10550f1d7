import { prepareAccountWrites } from '../../accounts';
import type { Database } from '../../database';
import { type WritableSqlite, typedStatements } from '../../store';

/** The test phone's rows: its simulator account per shop, and what the seller typed as the customer. */
export function makeTestPhoneRepo(sqlite: WritableSqlite) {
  // Reads accounts, messages, conversations and contacts: core's schema, not one domain's.
  const statements = typedStatements<Database>(sqlite);
  const findAccount = statements.prepare((db, p: { shopId: number }) =>
    db.selectFrom('accounts').select('id').where('shop_id', '=', p.shopId).where('channel', '=', 'simulator').orderBy('id').limit(1),
  );
  // The accounts domain writes its table; the test phone only reads it.
  const accounts = prepareAccountWrites(sqlite);
  const allAccounts = statements.prepare((db) => db.selectFrom('accounts').select('id').where('channel', '=', 'simulator'));
  const inboundOf = statements.prepare((db, p: { accountId: number; jid: string }) =>
    db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .innerJoin('contacts as k', 'k.id', 'c.contact_id')
      .select(['m.channel_message_id', 'm.text', 'm.created_at'])
      .where('c.account_id', '=', p.accountId)
      .where('k.jid', '=', p.jid)
      .where('m.direction', '=', 'in')
      .orderBy('m.id')
      // Types only: an inbound message always carries the channel's id (the pipeline dedups on it).
      .$narrowType<{ channel_message_id: string }>(),
  );
  return {
    accountOf: (shopId: number): number | undefined => findAccount.get({ shopId })?.id,
    createAccount: (shopId: number, at: string): number =>
      accounts.insert({ shopId, channel: 'simulator', label: 'Test phone', phone: null, status: 'connected', now: at }),
    allAccounts: (): number[] => allAccounts.all().map((r) => r.id),
    inboundOf: (accountId: number, jid: string) => inboundOf.all({ accountId, jid }),
  };
}
export type TestPhoneRepo = ReturnType<typeof makeTestPhoneRepo>;
