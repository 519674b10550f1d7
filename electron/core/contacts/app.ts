import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';
import { type EraseDeps, eraseContact } from './erase-contact';

/** Customers: blocking one, and their data rights (deletion on request; through retention, after inactivity). */
export function contactsHandlers(ctx: CoreContext, erase: Omit<EraseDeps, 'sqlite'>): HandlerMap {
  return {
    'contacts/delete': async ({ shopId, contactId }) => {
      await requireShop(ctx, shopId);
      const erased = eraseContact({ sqlite: ctx.store.sqlite, ...erase }, shopId, contactId);
      if (!erased) throw new ContractError('not_found', `No customer ${contactId} in shop ${shopId}`);
      ctx.logger.info({ shopId, contactId, ...erased }, 'customer data deleted');
      return erased;
    },
    'contacts/set-blocked': async ({ shopId, contactId, blocked }) => {
      const row = await ctx.store.db
        .updateTable('contacts')
        .set({ blocked: blocked ? 1 : 0 })
        .where('id', '=', contactId)
        .where('shop_id', '=', shopId)
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new ContractError('not_found', `No contact ${contactId} in shop ${shopId}`);
      return { id: row.id, shopId: row.shop_id, jid: row.jid, name: row.name, blocked: row.blocked === 1 };
    },
  };
}
