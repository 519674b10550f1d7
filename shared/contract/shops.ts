import { z } from 'zod';
import { Id, Shop } from '../domain/schemas';
import { call } from './define';

const ShopName = z.string().trim().min(1, 'A shop needs a name').max(120);
const Currency = z
  .string()
  .trim()
  .regex(/^[A-Z]{3}$/, 'Currency is a 3-letter ISO code such as DZD or EUR');

export const shopsCalls = {
  'shops/list': call('All shops in this data directory, oldest first.', z.object({}).strict(), z.array(Shop)),
  'shops/create': call('Create a shop.', z.object({ name: ShopName, currency: Currency.default('DZD') }).strict(), Shop),
  'shops/rename': call('Rename a shop.', z.object({ shopId: Id, name: ShopName }).strict(), Shop),
  'shops/set-country': call(
    "Set the shop's country (ISO 3166 alpha-2: gazetteer, phone plan, dialect); null = derive it from the currency and time zone.",
    z
      .object({
        shopId: Id,
        country: z
          .string()
          .trim()
          .toUpperCase()
          .regex(/^[A-Z]{2}$/, 'Country is a 2-letter ISO code such as MA or PT')
          .nullable(),
      })
      .strict(),
    Shop,
  ),
  'shops/set-currency': call(
    "Change a shop's currency; its products priced in the old currency move to the new one (prices are not converted).",
    z.object({ shopId: Id, currency: Currency }).strict(),
    Shop,
  ),
} as const;
