import { describe, expect, it } from 'vitest';
import type { ProductVariant } from './catalog';
import { applyProductPrice, findVariantOf, reconcileVariants, variantPrice, variantProblem, variantStock } from './variants';

const v = (name: string, price: number | null, stock: number | null, sku: string | null = null): ProductVariant => ({
  name,
  sku,
  price,
  stock,
});
const product = (variants: ProductVariant[], price = 1000, stock: number | null = 5) => ({ price, compareAtPrice: null, stock, variants });

describe('reconcileVariants', () => {
  it('makes the product stock the sum of counted variants, so a product is never sold out while a size is in stock', () => {
    const p = reconcileVariants(product([v('S', null, 4), v('M', null, 0), v('L', null, 7)], 1000, 0));
    expect(p.stock).toBe(11);
    expect(reconcileVariants(product([v('S', null, 0), v('M', null, 0)], 1000, 9)).stock).toBe(0);
  });
  it('an uncounted variant beside counted ones makes the product unlimited; name-only variants share the product stock', () => {
    expect(reconcileVariants(product([v('S', null, 2), v('M', null, null)], 1000, 0)).stock).toBeNull();
    expect(reconcileVariants(product([v('S', null, null), v('M', null, null)], 1000, 3)).stock).toBe(3);
  });
  it('takes the lowest variant price when every variant has its own, with that variant compare-at price', () => {
    const p = reconcileVariants(
      product(
        [
          { ...v('S', 1800, 1), compareAtPrice: null },
          { ...v('L', 1500, 1), compareAtPrice: 1800 },
        ],
        9999,
      ),
    );
    expect(p).toMatchObject({ price: 1500, compareAtPrice: 1800 });
    expect(reconcileVariants(product([v('S', 1800, 1), v('L', null, 1)], 1200)).price).toBe(1200);
  });
});

describe('applyProductPrice', () => {
  it('moves the variants that share the old price and keeps the ones priced apart', () => {
    const same = applyProductPrice(product([v('S', 1290, 1), v('M', 1290, 1)], 1290), 1390);
    expect(same.variants.map((x) => x.price)).toEqual([1390, 1390]);
    expect(same.price).toBe(1390);
    const mixed = applyProductPrice(product([v('S', 1800, 1), v('L', 1500, 1)], 1500), 1400);
    expect(mixed.variants.map((x) => x.price)).toEqual([1800, 1400]);
    expect(mixed.price).toBe(1400);
    const shared = applyProductPrice(product([v('S', null, 1)], 1000), 1100);
    expect(shared.variants[0]?.price).toBeNull();
    expect(variantPrice(shared, shared.variants[0] as ProductVariant)).toBe(1100);
  });
});

describe('variant look-ups and checks', () => {
  it('finds a variant by name (case, spaces) or SKU, and says what its price and stock are', () => {
    const p = product([v('M / Bordeaux', 1290, 0, 'CF-M'), v('L / Vert', null, null, 'CF-L')], 1290, null);
    expect(findVariantOf(p, 'm  /  bordeaux ')?.sku).toBe('CF-M');
    expect(findVariantOf(p, 'cf-l')?.name).toBe('L / Vert');
    expect(findVariantOf(p, 'XL')).toBeUndefined();
    expect(variantStock(p, p.variants[1] as ProductVariant)).toBeNull();
  });
  it('refuses unnamed variants, a name twice, a SKU twice', () => {
    expect(variantProblem([v('S', null, 1), v('M', null, 1)])).toBeNull();
    expect(variantProblem([v(' ', null, 1)])?.code).toBe('variant_name_missing');
    expect(variantProblem([v('S', null, 1), v('s ', null, 1)])).toEqual({ code: 'variant_name_twice', value: 's' });
    expect(variantProblem([v('S', null, 1, 'A'), v('M', null, 1, 'a')])?.code).toBe('variant_sku_twice');
  });
});
