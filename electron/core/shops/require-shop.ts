import type { Shop } from '../../../shared/domain/schemas';
import { ContractError } from '../../../shared/contract';
import type { CoreContext } from '../context';

/** The shop, or a typed not_found error for the caller. */
export async function requireShop({ repos }: Pick<CoreContext, 'repos'>, shopId: number): Promise<Shop> {
  const shop = await repos.shops.get(shopId);
  if (!shop) throw new ContractError('not_found', `No shop ${shopId}`);
  return shop;
}
