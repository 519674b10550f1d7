import { ContractError } from '../../../shared/contract';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import type { CatalogImages } from './images/catalog-images';
import { NotAnImageError, SOURCE_IMAGE_MAX_BYTES } from './images/normalize';

/** Handlers of shared/contract/catalog-images.ts: the product editor's image picker and preview. */
export function catalogImageHandlers(ctx: Pick<CoreContext, 'repos' | 'bus'>, images: CatalogImages): HandlerMap {
  const requireShop = async (shopId: number) => {
    if (!(await ctx.repos.shops.get(shopId))) throw new ContractError('not_found', `No shop ${shopId}`);
  };
  return {
    'catalog/set-product-image': async ({ shopId, productId, imageBase64 }) => {
      await requireShop(shopId);
      const bytes = Buffer.from(imageBase64.replace(/^data:[^,]*,/, ''), 'base64');
      if (bytes.length > SOURCE_IMAGE_MAX_BYTES) throw new ContractError('invalid_input', 'The image is larger than 15 MB');
      try {
        const product = await images.setFromUpload(shopId, productId, bytes);
        ctx.bus.emit('catalog/changed', { shopId });
        return product;
      } catch (err) {
        if (err instanceof NotAnImageError) throw new ContractError('invalid_input', 'This file is not an image Souqbot can read');
        if (err instanceof Error && err.message.startsWith('no product')) throw new ContractError('not_found', `No product ${productId}`);
        throw err;
      }
    },
    'catalog/get-product-image': async ({ shopId, productId }) => {
      await requireShop(shopId);
      return { dataUrl: await images.thumbnail(shopId, productId) };
    },
  };
}
