import { ContractError } from '../../../../shared/contract';
import type { WaAccountView } from '../../../../shared/domain/whatsapp';
import type { HandlerMap } from '../../app';
import type { CoreContext } from '../../context';
import { internationalPhone, shopDialCode } from '../../../../shared/domain/link-phone';
import { requireShop } from '../../shops';
import { LinkError, toUserJid } from './session-manager';

/** The `wa/*` calls: linking, connection control and who-the-bot-answers settings. */
export function whatsappHandlers(ctx: CoreContext): HandlerMap {
  const wa = ctx.whatsapp;

  /** The account, if it is a WhatsApp number of this shop (and not removed). */
  async function requireAccount(shopId: number, accountId: number): Promise<void> {
    await requireShop(ctx, shopId);
    const state = wa.repo.state(accountId);
    if (!state || state.shopId !== shopId || state.removedAt)
      throw new ContractError('not_found', `No WhatsApp number ${accountId} in this shop`);
  }

  function view(shopId: number, accountId: number): WaAccountView {
    const found = wa.overview(shopId).find((a) => a.accountId === accountId);
    if (!found) throw new ContractError('not_found', `No WhatsApp number ${accountId} in this shop`);
    return found;
  }

  const guard = <T>(run: () => T): T => {
    try {
      return run();
    } catch (err) {
      if (err instanceof LinkError) throw new ContractError(err.code, err.message);
      throw err;
    }
  };

  return {
    'wa/start-link': async ({ shopId, method, phone, accountId, label }) => {
      await wa.ready();
      const shop = await requireShop(ctx, shopId);
      if (accountId !== undefined) await requireAccount(shopId, accountId);
      let international = phone;
      if (method === 'pairing-code' && phone) {
        // A number typed the local way ("0550 12 34 56") gets the shop's country code before WhatsApp sees it.
        const read = internationalPhone(phone, shopDialCode(shop));
        if (!read.ok)
          throw new ContractError(
            'invalid_input',
            read.reason === 'needs_country_code'
              ? 'Type the number with its country code, such as +33 6 12 34 56 78'
              : 'This phone number is too short',
          );
        international = `+${read.digits}`;
      }
      return { accountId: guard(() => wa.linkStart({ shopId, method, phone: international, accountId, label })) };
    },
    'wa/cancel-link': async ({ shopId, accountId }) => {
      await wa.ready();
      await requireAccount(shopId, accountId);
      return { cancelled: wa.linkCancel(accountId) };
    },
    'wa/connect': async ({ shopId, accountId }) => {
      await wa.ready();
      await requireAccount(shopId, accountId);
      guard(() => wa.connect(accountId));
      return view(shopId, accountId);
    },
    'wa/disconnect': async ({ shopId, accountId }) => {
      await wa.ready();
      await requireAccount(shopId, accountId);
      wa.disconnect(accountId);
      return view(shopId, accountId);
    },
    'wa/remove': async ({ shopId, accountId }) => {
      await wa.ready();
      await requireAccount(shopId, accountId);
      return { removed: await wa.remove(accountId) };
    },
    'wa/get-overview': async ({ shopId }) => {
      await requireShop(ctx, shopId);
      return wa.overview(shopId);
    },
    'wa/get-answer-policy': async ({ shopId, accountId }) => {
      await requireAccount(shopId, accountId);
      return wa.repo.policy(accountId);
    },
    'wa/set-answer-policy': async ({ shopId, accountId, mode, groups, catchUpMaxHours, historySync }) => {
      await requireAccount(shopId, accountId);
      return wa.repo.setPolicy(accountId, { mode, groups, catchUpMaxHours, historySync });
    },
    'wa/set-excluded': async ({ shopId, accountId, contacts }) => {
      await requireAccount(shopId, accountId);
      const byJid = new Map<string, string | null>();
      for (const c of contacts) byJid.set(toUserJid(c.jid), c.name ?? null);
      return wa.repo.setExcluded(
        accountId,
        [...byJid].map(([jid, name]) => ({ jid, name })),
      );
    },
    'wa/list-contacts': async ({ shopId, accountId, query }) => {
      await requireAccount(shopId, accountId);
      return wa.repo.listContacts(accountId, query);
    },
  };
}
