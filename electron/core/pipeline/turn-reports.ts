import { decodeEscalations, notifierNotice } from '../../../shared/domain/notices';
import type { EventBus } from '../events';
import type { Logger, Notifier } from '../ports';
import type { DispatchOutcome } from './dispatcher';
import { isDiskFault } from './intake-guard';
import { PARKED_REASON, type ParkedTurnsRepo } from './parked-turns-repo';
import type { PipelineEvents } from './pipeline-events';
import type { TurnOutcome } from './worker';

/** What the reports below tell: the UI (events), the seller (notices) and the log. */
export interface TurnReportsDeps {
  /** Core's event bus: conversations/escalated. */
  bus: EventBus;
  /** Desktop notices: escalations, drafts waiting, failed sends, parked turns. */
  notifier: Notifier;
  /** Core's logger. */
  logger: Logger;
  /** messages/* and conversations/updated for the rows a turn or a send changed. */
  events: PipelineEvents;
}

/** A turn that kept failing: set aside, and the seller told (inbox banner, notification); false keeps retrying. */
export function makeParkTurn(deps: TurnReportsDeps, parked: ParkedTurnsRepo) {
  const { bus, logger } = deps;
  return (conversationId: number, err: unknown, failures: number): boolean => {
    // A full disk is not the turn's fault: it runs again once there is space.
    if (isDiskFault(err)) return false;
    const message = err instanceof Error ? err.message : String(err);
    const result = parked.park(conversationId);
    if (!result) return true;
    logger.error({ conversationId, failures, parked: result.parked, err: message }, 'turn parked after repeated failures');
    deps.events.emitConversation(conversationId);
    bus.emit('conversations/escalated', {
      shopId: result.shopId,
      conversationId,
      reason: PARKED_REASON,
      notices: [{ code: 'turn_parked', params: {} }],
    });
    deps.notifier.notify(notifierNotice('turn_parked', { conversationId }));
    return true;
  };
}

/** A finished turn: its reply and conversation to the UI, the seller told of what needs them, the reply's send woken. */
export function makeTurnReporter(deps: TurnReportsDeps & { afterStore?: () => void; markOutbound(conversationId: number): void }) {
  const { events, notifier } = deps;
  return (outcome: TurnOutcome): void => {
    if (outcome.outboundMessageId !== null) {
      events.emitMessage(outcome.outboundMessageId, 'messages/new', outcome.outboundRow);
      deps.afterStore?.();
    }
    events.emitConversation(outcome.conversationId);
    const about = { conversationId: outcome.conversationId };
    if (outcome.route === 'notify_seller') notifier.notify(notifierNotice('takeover_message', about));
    if (outcome.draft) notifier.notify(notifierNotice('draft_waiting', about));
    if (outcome.escalation) {
      deps.bus.emit('conversations/escalated', {
        shopId: outcome.shopId,
        conversationId: outcome.conversationId,
        reason: outcome.escalation,
        notices: decodeEscalations(outcome.escalation),
      });
      // The reason is a code the app's window words in the seller's language; the desktop note only points there.
      notifier.notify(notifierNotice('escalated', about));
    }
    if (outcome.outboundMessageId !== null && !outcome.draft) deps.markOutbound(outcome.conversationId);
  };
}

/** A send finished: its status to the UI, a failure to the seller and the log. */
export function makeDispatchReporter(deps: TurnReportsDeps) {
  return (outcome: DispatchOutcome): void => {
    deps.events.emitMessage(outcome.messageId, 'messages/status');
    if (outcome.status === 'failed') {
      deps.notifier.notify(notifierNotice('send_failed', { conversationId: outcome.conversationId }));
      deps.logger.warn({ messageId: outcome.messageId, error: outcome.error }, 'message failed');
    }
  };
}
