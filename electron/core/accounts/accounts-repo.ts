import type { Selectable } from 'kysely';
import type { Account, AccountStatus, ChannelKind } from '../../../shared/domain/schemas';
import type { Database } from '../database';
import { type WritableDB, type WritableSqlite, typedStatements } from '../store';
import type { AccountsTables } from './tables';

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
 * repository with its `wa_accounts` row, the test phone, the pipeline's status relay). Typed statements prepared once,
 * because those callers are synchronous better-sqlite3 code; they live here so `accounts` has one writer.
 */
export function prepareAccountWrites(sqlite: WritableSqlite) {
  const statements = typedStatements<AccountsTables>(sqlite);
  const insert = statements.prepare(
    (db, p: { shopId: number; channel: ChannelKind; label: string; phone: string | null; status: AccountStatus; now: string }) =>
      db
        .insertInto('accounts')
        .values({ shop_id: p.shopId, channel: p.channel, label: p.label, phone: p.phone, status: p.status, created_at: p.now })
        .returning('id'),
  );
  const setStatus = statements.prepare((db, p: { id: number; status: AccountStatus }) =>
    db.updateTable('accounts').set({ status: p.status }).where('id', '=', p.id),
  );
  const setPhone = statements.prepare((db, p: { id: number; phone: string | null }) =>
    db.updateTable('accounts').set({ phone: p.phone }).where('id', '=', p.id),
  );
  const remove = statements.prepare((db, p: { id: number; channel: ChannelKind }) =>
    db.deleteFrom('accounts').where('id', '=', p.id).where('channel', '=', p.channel),
  );
  return {
    insert: (a: { shopId: number; channel: ChannelKind; label: string; phone: string | null; status: AccountStatus; now: string }) =>
      insert.get(a)!.id,
    setStatus: (id: number, status: AccountStatus) => void setStatus.run({ id, status }),
    setPhone: (id: number, phone: string | null) => void setPhone.run({ id, phone }),
    /** Deletes the account if it is of this channel; true when a row went. */
    remove: (id: number, channel: ChannelKind) => remove.run({ id, channel }).changes > 0,
  };
}
export type AccountWrites = ReturnType<typeof prepareAccountWrites>;
