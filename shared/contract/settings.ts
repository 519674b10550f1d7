import { z } from 'zod';
import { Id } from '../domain/schemas';
import { PublicShopSettings, ShopSettingsPatch } from '../domain/settings';
import { call } from './define';

export const settingsCalls = {
  'settings/get': call(
    "A shop's settings; the API key is reported only as set or not set.",
    z.object({ shopId: Id }).strict(),
    PublicShopSettings,
  ),
  'settings/update': call(
    "Merge a partial update into a shop's settings and return the result.",
    z.object({ shopId: Id, patch: ShopSettingsPatch }).strict(),
    PublicShopSettings,
  ),
} as const;
