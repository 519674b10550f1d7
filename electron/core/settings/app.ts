import type { PublicShopSettings, ShopSettings } from '../../../shared/domain/settings';
import type { HandlerMap } from '../app';
import type { CoreContext } from '../context';
import { requireShop } from '../shops';
import { apiKeySecretName } from '../brain';

// The LLM key's secret is named by the brain, which reads it; settings writes it.
export { apiKeySecretName };
/** The transcription endpoint's key: its own secret, since it is often another provider than the LLM's. */
export const transcriptionKeySecretName = (shopId: number) => `shop-${shopId}-transcription-api-key`;

const hostOf = (url: string): string => {
  try {
    return new URL(url.trim()).host.toLowerCase();
  } catch {
    return url.trim().toLowerCase();
  }
};

/** The API key is write-only: it goes to the secret store and never comes back out. */
async function toPublic(ctx: CoreContext, shopId: number, settings: ShopSettings): Promise<PublicShopSettings> {
  const { apiKey: _drop, ...llm } = settings.llm;
  const apiKeySet = Boolean(await ctx.secrets.get(apiKeySecretName(shopId)));
  const { apiKey: _dropToo, ...transcription } = settings.transcription;
  const transcriptionKeySet = Boolean(await ctx.secrets.get(transcriptionKeySecretName(shopId)));
  return { ...settings, llm: { ...llm, apiKeySet }, transcription: { ...transcription, apiKeySet: transcriptionKeySet } };
}

/**
 * The same write-only rule for another section's key: stored as a secret, forgotten when the
 * endpoint moves to another host without a new key. Returns the patch without the key.
 */
async function storeWriteOnlyKey<P extends { apiKey?: string | undefined; baseUrl?: string | undefined }>(
  ctx: CoreContext,
  secretName: string,
  patch: P | undefined,
  currentHost: () => Promise<string>,
): Promise<Omit<P, 'apiKey'> | undefined> {
  if (!patch) return undefined;
  const { apiKey, ...rest } = patch;
  if (apiKey === undefined && patch.baseUrl !== undefined && hostOf(patch.baseUrl) !== (await currentHost())) {
    await ctx.secrets.delete(secretName);
  }
  if (apiKey !== undefined) {
    if (apiKey === '') await ctx.secrets.delete(secretName);
    else await ctx.secrets.set(secretName, apiKey);
  }
  return rest;
}

export function settingsHandlers(ctx: CoreContext): HandlerMap {
  return {
    'settings/get': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      return toPublic(ctx, shopId, await ctx.repos.settings.get(shopId));
    },
    'settings/update': async ({ shopId, patch }) => {
      await requireShop(ctx, shopId);
      const { apiKey, ...llmPatch } = patch.llm ?? {};
      // A key belongs to its provider: moving to another host without a new key forgets the old
      // one, so an OpenAI key is never sent to whatever address the endpoint is changed to.
      if (apiKey === undefined && llmPatch.baseUrl !== undefined) {
        const current = await ctx.repos.settings.get(shopId);
        if (hostOf(llmPatch.baseUrl) !== hostOf(current.llm.baseUrl)) await ctx.secrets.delete(apiKeySecretName(shopId));
      }
      if (apiKey !== undefined) {
        if (apiKey === '') await ctx.secrets.delete(apiKeySecretName(shopId));
        else await ctx.secrets.set(apiKeySecretName(shopId), apiKey);
      }
      const transcriptionPatch = await storeWriteOnlyKey(ctx, transcriptionKeySecretName(shopId), patch.transcription, async () =>
        hostOf((await ctx.repos.settings.get(shopId)).transcription.baseUrl),
      );
      const saved = await ctx.repos.settings.update(
        shopId,
        { ...patch, llm: llmPatch, ...(transcriptionPatch && { transcription: transcriptionPatch }) },
        ctx.clock.now().toISOString(),
      );
      ctx.bus.emit('settings/changed', { shopId });
      return toPublic(ctx, shopId, saved);
    },
  };
}
