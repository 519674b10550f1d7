import { prepareAccountWrites } from '../../accounts';
import type { WritableSqlite } from '../../store';

/** The test phone's rows: its simulator account per shop, and what the seller typed as the customer. */
export function makeTestPhoneRepo(sqlite: WritableSqlite) {
  const findAccount = sqlite.prepare<[number], { id: number }>(
    "SELECT id FROM accounts WHERE shop_id = ? AND channel = 'simulator' ORDER BY id LIMIT 1",
  );
  // The accounts domain writes its table; the test phone only reads it.
  const accounts = prepareAccountWrites(sqlite);
  const allAccounts = sqlite.prepare<[], { id: number }>("SELECT id FROM accounts WHERE channel = 'simulator'");
  const inboundOf = sqlite.prepare<[number, string], { channel_message_id: string; text: string; created_at: string }>(
    `SELECT m.channel_message_id, m.text, m.created_at FROM messages m JOIN conversations c ON c.id = m.conversation_id
     JOIN contacts k ON k.id = c.contact_id WHERE c.account_id = ? AND k.jid = ? AND m.direction = 'in' ORDER BY m.id`,
  );
  return {
    accountOf: (shopId: number): number | undefined => findAccount.get(shopId)?.id,
    createAccount: (shopId: number, at: string): number =>
      accounts.insert({ shopId, channel: 'simulator', label: 'Test phone', phone: null, status: 'connected', now: at }),
    allAccounts: (): number[] => allAccounts.all().map((r) => r.id),
    inboundOf: (accountId: number, jid: string) => inboundOf.all(accountId, jid),
  };
}
export type TestPhoneRepo = ReturnType<typeof makeTestPhoneRepo>;
