import type { Kysely, Selectable } from 'kysely';
import type { Account, AccountStatus, ChannelKind } from '../../../../shared/domain/schemas';
import type { Database } from '../../database';

const toAccount = (row: Selectable<Database['accounts']>): Account => ({
  id: row.id,
  shopId: row.shop_id,
  channel: row.channel,
  label: row.label,
  phone: row.phone,
  status: row.status as AccountStatus,
  createdAt: row.created_at,
});

export function makeAccountsRepo(db: Kysely<Database>) {
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
    async setStatus(id: number, status: AccountStatus): Promise<void> {
      await db.updateTable('accounts').set({ status }).where('id', '=', id).execute();
    },
  };
}
export type AccountsRepo = ReturnType<typeof makeAccountsRepo>;
