import type { Envelope } from '../../../shared/contract/errors';

type Call = (name: string, input: unknown) => Promise<Envelope<unknown>>;

interface ShopRow {
  id: number;
}
interface BotPart {
  bot: { aiEnabled: boolean };
}

/**
 * The tray's "pause the bot on all numbers / resume": the bot is paused when every shop has its AI replies off
 * (settings `bot.aiEnabled`, the same switch as in Settings), so the tray and the Settings page never disagree.
 * Calls go through core's contract like the renderer's.
 */
export function makeBotSwitch(deps: { call: Call; onChange(paused: boolean): void }) {
  let paused = false;
  const value = async <T>(name: string, input: unknown): Promise<T> => {
    const answer = await deps.call(name, input);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.code}`);
    return answer.value as T;
  };
  /** The shops and whether every one has the bot off (none yet: not paused). */
  async function read(): Promise<{ shops: ShopRow[]; allOff: boolean }> {
    const shops = await value<ShopRow[]>('shops/list', {});
    const settings = await Promise.all(shops.map((shop) => value<BotPart>('settings/get', { shopId: shop.id })));
    return { shops, allOff: settings.length > 0 && settings.every((s) => !s.bot.aiEnabled) };
  }
  const report = (next: boolean): boolean => {
    if (next !== paused) {
      paused = next;
      deps.onChange(paused);
    }
    return paused;
  };
  const refresh = async (): Promise<boolean> => report((await read()).allOff);

  return {
    refresh,
    paused: () => paused,
    /** Turn the bot off on every shop when it runs anywhere; on everywhere when it is paused. */
    async toggle(): Promise<boolean> {
      const { shops, allOff } = await read();
      for (const shop of shops) await value('settings/update', { shopId: shop.id, patch: { bot: { aiEnabled: allOff } } });
      return report(!allOff && shops.length > 0);
    },
  };
}
