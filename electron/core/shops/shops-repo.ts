import type { Selectable } from 'kysely';
import type { Shop } from '../../../shared/domain/schemas';
import type { Database } from '../database';
import type { WritableDB } from '../store';

const toShop = (row: Selectable<Database['shops']>): Shop => ({
  id: row.id,
  name: row.name,
  currency: row.currency,
  country: row.country ?? null,
  createdAt: row.created_at,
});

export function makeShopsRepo(db: WritableDB<Database>) {
  return {
    async list(): Promise<Shop[]> {
      return (await db.selectFrom('shops').selectAll().orderBy('id').execute()).map(toShop);
    },
    async get(id: number): Promise<Shop | undefined> {
      const row = await db.selectFrom('shops').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toShop(row);
    },
    async create(input: { name: string; currency: string; now: string }): Promise<Shop> {
      const row = await db
        .insertInto('shops')
        .values({ name: input.name, currency: input.currency, created_at: input.now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toShop(row);
    },
    async setCurrency(id: number, currency: string): Promise<Shop | undefined> {
      const row = await db.updateTable('shops').set({ currency }).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toShop(row);
    },
    async rename(id: number, name: string): Promise<Shop | undefined> {
      const row = await db.updateTable('shops').set({ name }).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toShop(row);
    },
    /** The seller's country for the shop (ISO 3166 alpha-2), or null to derive it again. */
    async setCountry(id: number, country: string | null): Promise<Shop | undefined> {
      const row = await db.updateTable('shops').set({ country }).where('id', '=', id).returningAll().executeTakeFirst();
      return row && toShop(row);
    },
  };
}
export type ShopsRepo = ReturnType<typeof makeShopsRepo>;
