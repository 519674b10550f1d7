import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../shared/domain/catalog';
import { emptyForm, formOf, optionsText, parseOptions, toFields } from './editor-model';

const product: Product = {
  id: 1,
  shopId: 1,
  sku: 'CF-1',
  name: 'Caftan',
  altNames: ['قفطان'],
  aliases: ['kaftan', 'qaftan'],
  category: 'Caftans',
  price: 1290,
  compareAtPrice: null,
  currency: 'MAD',
  stock: 11,
  variants: [
    { name: 'S', sku: 'CF-1-S', price: 1290, stock: 4, options: [{ name: 'Taille', value: 'S' }] },
    { name: 'L', sku: null, price: null, stock: 7 },
  ],
  images: ['https://cdn.example/c.jpg'],
  description: 'Velours.',
  upsellSkus: ['BAB-1'],
};

describe('product editor form', () => {
  it('round-trips a product through the form, keeping options and upsells it does not show', () => {
    const result = toFields(formOf(product), product);
    expect(result).toEqual({
      ok: true,
      fields: {
        name: 'Caftan',
        altNames: ['قفطان'],
        aliases: ['kaftan', 'qaftan'],
        category: 'Caftans',
        description: 'Velours.',
        price: 1290,
        compareAtPrice: null,
        stock: null,
        variants: [
          { name: 'S', sku: 'CF-1-S', price: 1290, stock: 4, options: [{ name: 'Taille', value: 'S' }] },
          { name: 'L', sku: null, price: null, stock: 7 },
        ],
        images: ['https://cdn.example/c.jpg'],
        upsellSkus: ['BAB-1'],
      },
    });
  });
  it('names each bad field: no name, a bad price, a variant without a name or named twice, a bad variant stock', () => {
    const form = {
      ...emptyForm(),
      price: '12,5,0',
      variants: [
        { name: '', sku: 'X', price: '', stock: '', options: '' },
        { name: 'M', sku: '', price: '', stock: 'beaucoup', options: '' },
        { name: 'm', sku: '', price: '', stock: '', options: '' },
        { name: 'XL', sku: '', price: '', stock: '', options: 'Taille:, Couleur: Rouge' },
        { name: 'XXL', sku: '', price: '', stock: '', options: 'a: 1, b: 2, c: 3, d: 4, e: 5, f: 6' },
      ],
    };
    const result = toFields(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: 'nameRequired',
      price: 'badPrice',
      'variant-0-name': 'variantName',
      'variant-1-stock': 'variantStock',
      'variant-2-name': 'variantTwice',
      'variant-3-options': 'variantOptions',
      'variant-4-options': 'variantOptions',
    });
  });
  it('reads lists the way a seller types them, and drops empty variant rows', () => {
    const form = {
      ...emptyForm(),
      name: ' Savon ',
      price: '40',
      stock: '',
      aliases: 'saboun; sabon, ,saboun',
      altNames: 'صابون\n\nSapone',
      variants: [{ name: '', sku: '', price: '', stock: '', options: '' }],
    };
    const result = toFields(form);
    expect(result.ok && result.fields).toMatchObject({
      name: 'Savon',
      aliases: ['saboun', 'sabon'],
      altNames: ['صابون', 'Sapone'],
      stock: null,
      variants: [],
    });
  });
  it('edits option values as a seller types them, and names a variant by its values when the name is left empty', () => {
    const form = {
      ...formOf(product),
      variants: [
        { name: '', sku: 'CF-1-M-R', price: '1390', stock: '2', options: 'Taille: M، Couleur = Rouge' },
        { name: 'L', sku: '', price: '', stock: '7', options: '' },
      ],
    };
    const result = toFields(form, product);
    expect(result.ok && result.fields.variants).toEqual([
      {
        name: 'M / Rouge',
        sku: 'CF-1-M-R',
        price: 1390,
        stock: 2,
        options: [
          { name: 'Taille', value: 'M' },
          { name: 'Couleur', value: 'Rouge' },
        ],
      },
      { name: 'L', sku: null, price: null, stock: 7 },
    ]);
    expect(
      optionsText([
        { name: 'Taille', value: 'M' },
        { name: '', value: 'Rouge' },
      ]),
    ).toBe('Taille: M, Rouge');
    expect(
      parseOptions(
        optionsText([
          { name: 'Taille', value: 'M' },
          { name: '', value: 'Rouge' },
        ]),
      ),
    ).toEqual([
      { name: 'Taille', value: 'M' },
      { name: '', value: 'Rouge' },
    ]);
  });
});
