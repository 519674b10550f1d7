import type { AccountStatus } from '../../../shared/domain/schemas';
import type { WhatsAppNotice } from '../../../shared/domain/notices';
import type { ChannelSink, DeliveryStatus, OwnMessageEcho } from '../channels';
import type { EventBus } from '../events';
import type { Logger } from '../ports';
import type { PipelineEvents } from './pipeline-events';
import type { PipelineLookups } from './pipeline-lookups-store';
import type { PipelineStore } from './pipeline-store';
import type { ShopPolicies } from './shop-policies';

/** What a channel's own events (echoes, receipts, connection) change. */
export interface ChannelFeedbackDeps {
  /** The pipeline's transitions: the seller's phone message, a send's status, the takeover. */
  store: PipelineStore;
  /** An account's shop, and its status write. */
  lookups: PipelineLookups;
  /** The shop's phone-takeover minutes, read synchronously inside the channel's event. */
  policies: ShopPolicies;
  /** messages/* and conversations/updated. */
  events: PipelineEvents;
  /** Core's event bus: accounts/status. */
  bus: EventBus;
  /** Core's logger. */
  logger: Logger;
  /** True once the pipeline stopped: late events are ignored. */
  stopped(): boolean;
  /** An account connected: queued sends may go now. */
  resumeSends(): void;
}

const STATUS_RANK: Record<string, number> = { queued: 0, sending: 1, failed: 1, sent: 2, delivered: 3, read: 4 };

/** The sink's side for what a channel reports beyond inbound messages. */
export function makeChannelFeedback(deps: ChannelFeedbackDeps): Pick<ChannelSink, 'ownEcho' | 'status' | 'accountStatus'> {
  const { store, events } = deps;
  return {
    ownEcho(echo: OwnMessageEcho) {
      if (deps.stopped()) return;
      const ours = store.outboundByChannelId(echo.accountId, echo.channelMessageId);
      if (ours) return; // our own send coming back: already recorded
      // The seller answered from the phone: store it and let the seller keep the conversation.
      const account = deps.lookups.account(echo.accountId);
      if (!account) return;
      const { conversationId } = store.resolveConversation(account.shop_id, echo.accountId, echo.to, null, echo.at, echo.text, false);
      const id = store.insertMessage({
        shop_id: account.shop_id,
        account_id: echo.accountId,
        conversation_id: conversationId,
        direction: 'out',
        author: 'seller',
        kind: 'text',
        text: echo.text,
        status: 'sent',
        channel_message_id: echo.channelMessageId,
        meta: JSON.stringify({ fromPhone: true }),
        created_at: echo.at,
      });
      const minutes = deps.policies.settingsOf(account.shop_id).bot.phoneTakeoverMinutes;
      store.setTakeover(conversationId, true, minutes > 0 ? new Date(Date.parse(echo.at) + minutes * 60_000).toISOString() : null);
      events.emitMessage(id);
      events.emitConversation(conversationId);
    },
    status(accountId: number, channelMessageId: string, status: DeliveryStatus, error?: string | null) {
      if (deps.stopped()) return;
      const row = store.outboundByChannelId(accountId, channelMessageId);
      if (!row) return;
      // Receipts arrive out of order; never move backwards (read stays read).
      if ((STATUS_RANK[status] ?? 0) <= (STATUS_RANK[row.status] ?? 0) && status !== 'failed') return;
      store.setMessageStatus(row.id, status);
      if (error) deps.logger.warn({ channelMessageId, error }, 'channel reported a failure');
      events.emitMessage(row.id, 'messages/status');
    },
    accountStatus(accountId: number, status: AccountStatus, detail: WhatsAppNotice | null) {
      if (deps.stopped()) return;
      deps.lookups.setAccountStatus(accountId, status);
      const account = deps.lookups.account(accountId);
      if (account) deps.bus.emit('accounts/status', { shopId: account.shop_id, accountId, status, detail });
      if (status === 'connected') deps.resumeSends();
    },
  };
}
