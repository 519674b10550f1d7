import { sql } from 'kysely';
import { ContractError } from '../../../shared/contract';
import type { Product } from '../../../shared/domain/catalog';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import type { Database } from '../database';
import { requireShop } from '../shops';
import { typedStatements } from '../store';
import { skuFromName } from './import/values';
import { type EditProblem, applyBulk, applyEdit, duplicateOf, freeSku } from './product-edit';
import { type ProductInput, type ProductsRepo, VariantSkuTakenError } from './products-repo';

const PROBLEM_TEXT: Record<EditProblem['code'], (value: string) => string> = {
  variant_name_missing: () => 'Every variant needs a name (a size, a colour…)',
  variant_name_twice: (v) => `Two variants are called "${v}"; give each its own name`,
  variant_sku_twice: (v) => `Two variants have the SKU "${v}"`,
  stock_per_variant: () => 'This product counts stock per variant: change the stock of each variant',
};

/** A variant SKU another product has is the same conflict as a product SKU taken (the editor says so). */
function skuConflicts<T>(write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (err instanceof VariantSkuTakenError) throw new ContractError('conflict', err.message);
    throw err;
  }
}

/** Handlers of the seller's own catalog edits: add, edit, copy, archive, bulk change, delete with undo. */
export function catalogEditHandlers(ctx: CoreContext, products: ProductsRepo): HandlerMap {
  const { store, clock, bus } = ctx;
  const orderedSku = typedStatements<Database>(store.sqlite).prepare((db, p: { shopId: number; sku: string }) =>
    db.selectFrom('order_items').select(sql.lit(1).as('one')).where('shop_id', '=', p.shopId).where('sku', '=', p.sku).limit(1),
  );
  const now = () => clock.now().toISOString();
  const changed = (shopId: number) => bus.emit('catalog/changed', { shopId });
  const skuTaken = (shopId: number) => (sku: string) => products.skuInUse(shopId, sku);

  const requireProduct = (shopId: number, productId: number): Product => {
    const product = products.get(shopId, productId);
    if (!product) throw new ContractError('not_found', `No product ${productId} in shop ${shopId}`);
    return product;
  };
  const fieldsOf = ({ id: _id, shopId: _shop, archivedAt: _a, ...fields }: Product): ProductInput => fields;
  const store1 = (shopId: number, product: ProductInput): Product => {
    const { id } = skuConflicts(() => products.upsertOne(shopId, product, now()));
    changed(shopId);
    return requireProduct(shopId, id);
  };

  return {
    'catalog/update-product': async ({ shopId, productId, ...patch }) => {
      await requireShop(ctx, shopId);
      const current = requireProduct(shopId, productId);
      const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      const result = applyEdit(fieldsOf(current), defined);
      if (!result.ok) throw new ContractError('invalid_input', PROBLEM_TEXT[result.problem.code](result.problem.value));
      const updated = skuConflicts(() => products.update(shopId, productId, result.product, now()));
      if (!updated) throw new ContractError('not_found', `No product ${productId} in shop ${shopId}`);
      changed(shopId);
      return updated;
    },
    'catalog/create-product': async ({ shopId, sku, ...fields }) => {
      const shop = await requireShop(ctx, shopId);
      const wanted = sku?.trim();
      if (wanted && products.getBySku(shopId, wanted))
        throw new ContractError('conflict', `The SKU ${wanted} is already used by another product`);
      const blank: ProductInput = {
        sku: wanted || freeSku(skuFromName(fields.name), skuTaken(shopId)),
        name: fields.name,
        altNames: [],
        aliases: [],
        category: '',
        description: '',
        price: fields.price,
        compareAtPrice: null,
        currency: shop.currency,
        stock: null,
        variants: [],
        images: [],
        upsellSkus: [],
      };
      const result = applyEdit(blank, fields);
      if (!result.ok) throw new ContractError('invalid_input', PROBLEM_TEXT[result.problem.code](result.problem.value));
      return store1(shopId, result.product);
    },
    'catalog/duplicate-product': async ({ shopId, productId }) => {
      await requireShop(ctx, shopId);
      return store1(shopId, duplicateOf(requireProduct(shopId, productId), skuTaken(shopId)));
    },
    'catalog/archive-product': async ({ shopId, productId, archived }) => {
      await requireShop(ctx, shopId);
      requireProduct(shopId, productId);
      const product = products.setArchived(shopId, productId, archived ? now() : null, now());
      if (!product) throw new ContractError('not_found', `No product ${productId} in shop ${shopId}`);
      changed(shopId);
      return product;
    },
    'catalog/bulk-update': async ({ shopId, productIds, price, stock }) => {
      await requireShop(ctx, shopId);
      const at = now();
      const updated = store.sqlite.transaction(() => {
        let n = 0;
        for (const id of new Set(productIds)) {
          const current = products.get(shopId, id);
          if (!current) continue;
          products.update(shopId, id, applyBulk(fieldsOf(current), { ...(price && { price }), ...(stock !== undefined && { stock }) }), at);
          n++;
        }
        return n;
      })();
      if (updated) changed(shopId);
      return { updated };
    },
    'catalog/delete-product': async ({ shopId, productId }) => {
      await requireShop(ctx, shopId);
      const product = products.get(shopId, productId);
      if (!product) return { deleted: false, archived: false, product: null };
      const skus = [product.sku, ...product.variants.flatMap((v) => (v.sku ? [v.sku] : []))];
      // Orders name products by SKU: a product that was ever ordered is archived, never deleted.
      if (skus.some((sku) => orderedSku.get({ shopId, sku }))) {
        const archived = products.setArchived(shopId, productId, now(), now());
        changed(shopId);
        return { deleted: false, archived: true, product: archived ?? product };
      }
      const deleted = products.delete(shopId, productId);
      if (deleted) changed(shopId);
      return { deleted, archived: false, product: deleted ? product : null };
    },
    'catalog/restore-product': async ({ shopId, product }) => {
      await requireShop(ctx, shopId);
      if (product.shopId !== shopId) throw new ContractError('invalid_input', 'That product belongs to another shop');
      const existing = products.getBySku(shopId, product.sku);
      if (existing) {
        const restored = products.setArchived(shopId, existing.id, null, now());
        changed(shopId);
        return restored ?? existing;
      }
      return store1(shopId, fieldsOf(product));
    },
  };
}
