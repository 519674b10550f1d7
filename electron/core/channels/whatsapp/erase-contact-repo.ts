import type { WritableSqlite } from '../../store';

/**
 * A customer's erasure, WhatsApp's part (in contacts/delete's transaction): the contact rows and
 * sent-message copies of each account that talked to them. The seller's "never answer this
 * number" stays (or the bot would start answering them); only its name goes.
 */
export function deleteContactData(
  tx: WritableSqlite,
  { jid, accountIds }: { jid: string; accountIds: readonly number[] },
): Record<string, never> {
  const s = {
    contacts: tx.prepare('DELETE FROM wa_contacts WHERE account_id = ? AND jid = ?'),
    sent: tx.prepare('DELETE FROM wa_sent WHERE account_id = ? AND remote_jid = ?'),
    excludedName: tx.prepare('UPDATE wa_excluded SET name = NULL WHERE account_id = ? AND jid = ?'),
  };
  for (const accountId of accountIds) {
    s.contacts.run(accountId, jid);
    s.sent.run(accountId, jid);
    s.excludedName.run(accountId, jid);
  }
  return {};
}
