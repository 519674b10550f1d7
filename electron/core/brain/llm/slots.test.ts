import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../shared/domain/catalog';
import { ShopSettings } from '../../../../shared/domain/settings';
import { readState } from '../offline/state';
import { type RawSlots, checkSlots, readRawSlots, seedState } from './slots';

const product = (sku: string, variants: string[] = []): Product => ({
  id: 1,
  shopId: 1,
  sku,
  name: sku,
  altNames: [],
  aliases: [],
  category: 'x',
  price: 100,
  compareAtPrice: null,
  currency: 'MAD',
  stock: null,
  variants: variants.map((name) => ({ name, sku: null, price: null, stock: null })),
  images: [],
  description: '',
  upsellSkus: [],
});
const CATALOG = [product('MA-SV-010', ['50 ml', '100 ml']), product('MA-HL-002')];
const settings = ShopSettings.parse({
  facts: {
    deliveryZones: [
      { name: 'Casablanca', fee: 30, delayDays: '1' },
      { name: 'Derb Sultan', fee: 20, delayDays: '1' },
    ],
  },
});
const ctx = (customerText: string) => ({ customerText, settings, bySku: (sku: string) => CATALOG.find((p) => p.sku === sku) });
const raw = (over: Partial<RawSlots>): RawSlots => ({ items: [], name: null, phone: null, city: null, address: null, ...over });

describe('checkSlots', () => {
  const said = 'bghit savon beldi 100ml x3, smiti Hajar, 0612345678, derb sultan zanqa 7';
  it.each([
    [
      'a known SKU with its variant (any case/spacing)',
      raw({ items: [{ sku: 'MA-SV-010', quantity: 3, variant: '100ML' }] }),
      { items: [{ sku: 'MA-SV-010', variant: '100 ml', quantity: 3 }] },
      [],
    ],
    ['an unknown SKU', raw({ items: [{ sku: 'MA-SV-999', quantity: 1, variant: null }] }), { items: [] }, ['unknown SKU MA-SV-999']],
    ['a quantity of 0', raw({ items: [{ sku: 'MA-HL-002', quantity: 0, variant: null }] }), { items: [] }, ['quantity 0 for MA-HL-002']],
    [
      'a fractional quantity',
      raw({ items: [{ sku: 'MA-HL-002', quantity: 1.5, variant: null }] }),
      { items: [] },
      ['quantity 1.5 for MA-HL-002'],
    ],
    [
      'a variant the product lacks',
      raw({ items: [{ sku: 'MA-SV-010', quantity: 1, variant: '250 ml' }] }),
      { items: [{ sku: 'MA-SV-010', variant: null, quantity: 1 }] },
      ['variant 250 ml of MA-SV-010'],
    ],
    ['an item that is not an object', raw({ items: ['MA-HL-002'] }), { items: [] }, ['an item that is not {sku, quantity, variant}']],
    ['the phone as typed', raw({ phone: '06 12 34 56 78' }), { phone: '0612345678' }, []],
    ['a phone that does not parse', raw({ phone: '0612' }), { phone: null }, ['phone 0612']],
    ['a phone the customer never typed', raw({ phone: '0698765432' }), { phone: null }, ['phone 0698765432']],
    ['a name the customer wrote', raw({ name: 'Hajar' }), { name: 'Hajar' }, []],
    ['a name the model invented', raw({ name: 'Fatima Zahra' }), { name: null }, ['name Fatima Zahra']],
    ['a zone the seller lists', raw({ city: 'Derb Sultan' }), { place: 'Derb Sultan' }, []],
    ['a city nowhere', raw({ city: 'Atlantis' }), { place: null }, ['city Atlantis']],
    ['an address with the customer words', raw({ address: 'Derb Sultan, zanqa 7' }), { address: 'Derb Sultan, zanqa 7' }, []],
    ['an invented address', raw({ address: 'Avenue Hassan II 45' }), { address: null }, ['address Avenue Hassan II 45']],
  ])('%s', (_label, slots, expected, rejected) => {
    const out = checkSlots(slots, ctx(said));
    expect(out.slots).toMatchObject(expected);
    expect(out.rejected).toEqual(rejected);
  });

  it('reads a lenient `order` field and drops what does not parse', () => {
    expect(readRawSlots({ items: 'none', name: 42, phone: '0612345678' })).toMatchObject({ items: [], name: null, phone: '0612345678' });
    expect(readRawSlots('not an object')).toBeNull();
  });
});

describe('seedState', () => {
  const slots = {
    items: [{ sku: 'MA-HL-002', variant: null, quantity: 2 }],
    name: 'Hajar',
    phone: null,
    place: 'Casablanca',
    address: null,
  };
  it('opens the cart only when the model says the customer orders, or an order is being taken', () => {
    const browsing = readState({});
    expect([...seedState(browsing, slots, false)].sort()).toEqual(['name', 'wilaya']);
    expect(browsing.cart).toEqual([]);
    const ordering = readState({});
    expect([...seedState(ordering, slots, true)].sort()).toEqual(['items', 'name', 'wilaya']);
    expect(ordering).toMatchObject({ stage: 'collecting', cart: [{ sku: 'MA-HL-002', variant: null, quantity: 2 }] });
    const collecting = readState({ stage: 'collecting', cart: [{ sku: 'MA-HL-002', variant: null, quantity: 1 }] });
    seedState(collecting, slots, false);
    expect(collecting.cart).toEqual([{ sku: 'MA-HL-002', variant: null, quantity: 2 }]);
  });
});
