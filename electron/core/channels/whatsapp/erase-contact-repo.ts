import { type WritableSqlite, typedStatements } from '../../store';
import type { WhatsAppTables } from './tables';

/**
 * A customer's erasure, WhatsApp's part (in contacts/delete's transaction): the contact rows and
 * sent-message copies of each account that talked to them. The seller's "never answer this
 * number" stays (or the bot would start answering them); only its name goes.
 */
export function deleteContactData(
  tx: WritableSqlite,
  { jid, accountIds }: { jid: string; accountIds: readonly number[] },
): Record<string, never> {
  const statements = typedStatements<WhatsAppTables>(tx);
  type Row = { accountId: number; jid: string };
  const s = {
    contacts: statements.prepare((db, p: Row) =>
      db.deleteFrom('wa_contacts').where('account_id', '=', p.accountId).where('jid', '=', p.jid),
    ),
    sent: statements.prepare((db, p: Row) =>
      db.deleteFrom('wa_sent').where('account_id', '=', p.accountId).where('remote_jid', '=', p.jid),
    ),
    excludedName: statements.prepare((db, p: Row) =>
      db.updateTable('wa_excluded').set({ name: null }).where('account_id', '=', p.accountId).where('jid', '=', p.jid),
    ),
  };
  for (const accountId of accountIds) {
    s.contacts.run({ accountId, jid });
    s.sent.run({ accountId, jid });
    s.excludedName.run({ accountId, jid });
  }
  return {};
}
