import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';
import { type EraseDeps, eraseContact } from './erase-contact';

/** Customers' data rights: deletion on request (and, through retention, after inactivity). */
export function contactsHandlers(ctx: CoreContext, erase: Omit<EraseDeps, 'sqlite'>): HandlerMap {
  return {
    'contacts/delete': async ({ shopId, contactId }) => {
      await requireShop(ctx, shopId);
      const erased = eraseContact({ sqlite: ctx.store.sqlite, ...erase }, shopId, contactId);
      if (!erased) throw new ContractError('not_found', `No customer ${contactId} in shop ${shopId}`);
      ctx.logger.info({ shopId, contactId, ...erased }, 'customer data deleted');
      return erased;
    },
  };
}
