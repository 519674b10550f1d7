import type { Selectable } from 'kysely';
import type { Account, AccountStatus, ChannelKind } from '../../../shared/domain/schemas';
import type { Database } from '../database';
import type { WritableSqlite, WritableDB } from '../store';

const toAccount = (row: Selectable<Database['accounts']>): Account => ({
  id: row.id,
  shopId: row.shop_id,
  channel: row.channel,
  label: row.label,
  phone: row.phone,
  status: row.status as AccountStatus,
  createdAt: row.created_at,
});

export function makeAccountsRepo(db: WritableDB<Database>) {
  return {
    async list(shopId: number): Promise<Account[]> {
      return (await db.selectFrom('accounts').selectAll().where('shop_id', '=', shopId).orderBy('id').execute()).map(toAccount);
    },
    async get(id: number): Promise<Account | undefined> {
      const row = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toAccount(row);
    },
    async create(input: {
      shopId: number;
      channel: ChannelKind;
      label: string;
      phone: string | null;
      status: AccountStatus;
      now: string;
    }): Promise<Account> {
      const row = await db
        .insertInto('accounts')
        .values({
          shop_id: input.shopId,
          channel: input.channel,
          label: input.label,
          phone: input.phone,
          status: input.status,
          created_at: input.now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toAccount(row);
    },
  };
}
export type AccountsRepo = ReturnType<typeof makeAccountsRepo>;

/**
 * The synchronous writes of `accounts` for callers that run them inside their own SQLite transaction (the WhatsApp
 * repository with its `wa_accounts` row, the test phone, the pipeline's status relay). Raw prepared statements
 * because those callers are synchronous better-sqlite3 code; they live here so `accounts` has one writer.
 */
export function prepareAccountWrites(sqlite: WritableSqlite) {
  const insert = sqlite.prepare<[number, ChannelKind, string, string | null, AccountStatus, string], { id: number }>(
    'INSERT INTO accounts (shop_id, channel, label, phone, status, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
  );
  const setStatus = sqlite.prepare<[AccountStatus, number]>('UPDATE accounts SET status = ? WHERE id = ?');
  const setPhone = sqlite.prepare<[string | null, number]>('UPDATE accounts SET phone = ? WHERE id = ?');
  const remove = sqlite.prepare<[number, ChannelKind]>('DELETE FROM accounts WHERE id = ? AND channel = ?');
  return {
    insert: (a: { shopId: number; channel: ChannelKind; label: string; phone: string | null; status: AccountStatus; now: string }) =>
      insert.get(a.shopId, a.channel, a.label, a.phone, a.status, a.now)!.id,
    setStatus: (id: number, status: AccountStatus) => void setStatus.run(status, id),
    setPhone: (id: number, phone: string | null) => void setPhone.run(phone, id),
    /** Deletes the account if it is of this channel; true when a row went. */
    remove: (id: number, channel: ChannelKind) => remove.run(id, channel).changes > 0,
  };
}
export type AccountWrites = ReturnType<typeof prepareAccountWrites>;
