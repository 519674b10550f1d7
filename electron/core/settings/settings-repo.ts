import { ShopSettings, type ShopSettingsPatch } from '../../../shared/domain/settings';
import type { Database } from '../database';
import type { WritableDB } from '../store';

/** Settings are one validated JSON document per shop; defaults fill whatever is missing. */
export function makeSettingsRepo(db: WritableDB<Database>) {
  async function get(shopId: number): Promise<ShopSettings> {
    const row = await db.selectFrom('settings').select('doc').where('shop_id', '=', shopId).executeTakeFirst();
    const parsed = ShopSettings.safeParse(row ? JSON.parse(row.doc) : {});
    // A document written by an older build that no longer validates falls back to defaults
    // rather than locking the seller out of their shop.
    return parsed.success ? parsed.data : ShopSettings.parse({});
  }

  return {
    get,
    /** Merges section by section: a patch never resets keys it does not name. */
    async update(shopId: number, patch: ShopSettingsPatch, now: string): Promise<ShopSettings> {
      const current = await get(shopId);
      const merged = ShopSettings.parse({
        sales: { ...current.sales, ...patch.sales },
        llm: { ...current.llm, ...patch.llm },
        bot: { ...current.bot, ...patch.bot },
        facts: { ...current.facts, ...patch.facts },
        transcription: { ...current.transcription, ...patch.transcription },
      });
      const doc = JSON.stringify(merged);
      await db
        .insertInto('settings')
        .values({ shop_id: shopId, doc, updated_at: now })
        .onConflict((oc) => oc.column('shop_id').doUpdateSet({ doc, updated_at: now }))
        .execute();
      return merged;
    },
  };
}
export type SettingsRepo = ReturnType<typeof makeSettingsRepo>;
