import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';

/** The seller's saved answers for the reply bar. */
export function quickRepliesHandlers(ctx: CoreContext): HandlerMap {
  const { db } = ctx.store;
  return {
    'quick-replies/list': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      const rows = await db.selectFrom('quick_replies').selectAll().where('shop_id', '=', shopId).orderBy('name').execute();
      return rows.map((r) => ({ id: r.id, shopId: r.shop_id, name: r.name, text: r.text }));
    },
    'quick-replies/save': async ({ shopId, id, name, text }) => {
      await requireShop(ctx, shopId);
      const clash = await db
        .selectFrom('quick_replies')
        .select('id')
        .where('shop_id', '=', shopId)
        .where('name', '=', name)
        .executeTakeFirst();
      if (clash && clash.id !== id) throw new ContractError('conflict', `A quick reply named "${name}" already exists`);
      const row = id
        ? await db
            .updateTable('quick_replies')
            .set({ name, text })
            .where('id', '=', id)
            .where('shop_id', '=', shopId)
            .returningAll()
            .executeTakeFirst()
        : await db.insertInto('quick_replies').values({ shop_id: shopId, name, text }).returningAll().executeTakeFirst();
      if (!row) throw new ContractError('not_found', `No quick reply ${id}`);
      return { id: row.id, shopId: row.shop_id, name: row.name, text: row.text };
    },
    'quick-replies/delete': async ({ shopId, id }) => {
      const result = await db.deleteFrom('quick_replies').where('id', '=', id).where('shop_id', '=', shopId).executeTakeFirst();
      return { deleted: Number(result.numDeletedRows) > 0 };
    },
  };
}
