import type { ShopSettings } from '../../../shared/domain/settings';
import type { Brain, TurnMessage } from '../brain';
import type { Clock, Logger } from '../ports';
import type { CrashHook } from './crash-points';
import { KeyedScheduler, type RetryPolicy } from './keyed-scheduler';
import { newChannelMessageId } from '../messages';
import type { MessageRow } from '../conversations';
import type { PendingTurnRow, PipelineStore, TurnCommit, TurnFacts } from './pipeline-store';
import type { EndpointGates } from './endpoint-limits';
import { turnLimitFor } from './endpoint-limits';
import type { SendPolicy } from './pacing-presets';
import { burstDueAt } from './policies';
import { type Route, routeTurn } from './route';
import { encodeEscalations, escalation as escalationNotice } from '../../../shared/domain/notices';

export interface TurnOutcome {
  conversationId: number;
  shopId: number;
  route: Route['kind'];
  outboundMessageId: number | null;
  /** The reply's row as committed (its event needs no read back). */
  outboundRow?: MessageRow;
  draft: boolean;
  escalation: string | null;
}

export interface WorkerDeps {
  /** Reads the turn's facts and commits its outcome (outbox row, inbound rows done) in one transaction. */
  store: PipelineStore;
  /** Answers the turn. */
  brain: Brain;
  /** The shop's settings, read at the start of each turn. */
  settingsOf(shopId: number): Promise<ShopSettings>;
  /** Time for stored timestamps and the debounce. */
  clock: Clock;
  /** Core's logger: failed turns. */
  logger: Logger;
  /** The shop's pacing (debounce) and flood limits. */
  policyOf(shopId: number): SendPolicy;
  /** LLM turns in flight per endpoint (see endpoint-limits.ts). */
  gates: EndpointGates;
  /** Test-only crash points inside a turn; `noCrash` in production. */
  crash: CrashHook;
  /** Turns being worked on at once across all conversations (each waits in its endpoint's gate). */
  concurrency: number;
  /** Called after each committed turn (events, notifications, dispatcher kick). */
  onTurn(outcome: TurnOutcome): void;
  /** Backoff between tries of a failing turn (default: keyed-scheduler's defaultRetry). */
  retry?: RetryPolicy;
  /** A conversation's turn failed `retry.parkAfter` times in a row: set it aside for the seller (true) or keep retrying (false). */
  park?(conversationId: number, err: unknown, failures: number): boolean;
  /** Every failure of a turn or a group commit (conversationId -1), after it is logged. */
  onError?(err: unknown, conversationId: number): void;
  /** A voice note's transcript (saved on the message), or null to fall back to the acknowledgement (media/transcribe). */
  transcribe?(input: { shopId: number; messageId: number }): Promise<{ text: string; language: string | null } | null>;
}

const HISTORY_WINDOW = 20;

/**
 * Takes queued customer messages, in order per conversation and concurrently across
 * conversations, routes them, asks the brain, and commits the reply to the outbox together
 * with marking the inbound rows done — one transaction, so a crash anywhere before it simply
 * makes the turn run again.
 */
export function makeWorker(deps: WorkerDeps) {
  const { store, clock } = deps;
  const debounces = (shopId: number) => {
    const { pacing } = deps.policyOf(shopId);
    return pacing.enabled && pacing.debounceMs > 0;
  };
  /** The pending rows `dueAt` just read, handed to the run that follows (saves a query). */
  const seen = new Map<number, PendingTurnRow[]>();
  /** Turns decided since the last pass: committed together (group commit), each atomically. */
  type TurnWrite = { write: () => TurnCommit | null; notify: (committed: TurnCommit) => void };
  let decided: TurnWrite[] = [];
  const commitDecided = () => {
    if (decided.length === 0) return;
    const turns = decided;
    decided = [];
    const committed: Array<() => void> = [];
    store.batch(
      turns.map((turn) => () => {
        // null: another pass already finished this turn (its savepoint rolled back).
        const result = turn.write();
        if (result) committed.push(() => turn.notify(result));
      }),
    );
    deps.crash('after-outbox-write');
    for (const notify of committed) notify();
  };
  const scheduler = new KeyedScheduler({
    concurrency: deps.concurrency,
    now: () => clock.now().getTime(),
    discover: () => store.pendingConversations().map((r) => r.conversationId),
    dueAt(conversationId) {
      const rows = store.pendingOf(conversationId);
      const first = rows[0];
      if (!first) return null;
      seen.set(conversationId, rows);
      // Debounce: wait until the customer has paused, then answer the burst as a whole.
      return burstDueAt(
        deps.policyOf(first.shopId).pacing,
        rows.map((r) => r.acceptedMs),
      );
    },
    run: (conversationId) => processConversation(conversationId),
    onError: (err, conversationId) => {
      deps.logger.error({ err, conversationId }, 'turn failed; it will be retried after a pause');
      deps.onError?.(err, conversationId);
    },
    beforePass: commitDecided,
    ...(deps.retry && { retry: deps.retry }),
    ...(deps.park && { park: deps.park }),
  });

  /** Queues a turn's writes for the next group commit; `notify` runs once it is durable. */
  function commitLater(write: TurnWrite['write'], notify: TurnWrite['notify']): void {
    decided.push({ write, notify });
  }

  /** Resolves true when more customer messages of this conversation wait. */
  async function processConversation(conversationId: number): Promise<boolean> {
    const rows = seen.get(conversationId) ?? store.pendingOf(conversationId);
    seen.delete(conversationId);
    if (rows.length === 0) return false;
    const batch = debounces(rows[0]!.shopId) ? rows : rows.slice(0, 1);
    const more = rows.length > batch.length;
    const messageIds = batch.map((r) => r.messageId);
    const facts = store.turnFacts(conversationId);
    if (!facts) return false;
    const settings = await deps.settingsOf(facts.shopId);
    const now = clock.now();
    const nowIso = now.toISOString();

    const flood = floodState(facts, now.getTime());
    const route = routeTurn({
      contactBlocked: facts.contactBlocked,
      // A takeover the seller started from the phone ends on its own after the set time.
      takeover: facts.takeover && (facts.takeoverUntil === null || Date.parse(facts.takeoverUntil) > now.getTime()),
      approvalMode: settings.bot.approvalMode,
      activeFlowId: null,
      aiEnabled: settings.bot.aiEnabled,
      floodingAlreadyAnswered: flood === 'already_answered',
    });

    if (route.kind !== 'brain' && route.kind !== 'draft') {
      commitLater(
        () => store.completeTurn(messageIds, null, null, null, nowIso),
        () =>
          deps.onTurn({ conversationId, shopId: facts.shopId, route: route.kind, outboundMessageId: null, draft: false, escalation: null }),
      );
      return more;
    }

    // The waiting rows were read with their text, kind and meta (pendingOf): no second read per message.
    const inbound = batch.map((r) => ({ id: r.messageId, kind: r.kind, text: r.text, meta: r.meta }));
    const firstId = batch[0]!.messageId;
    const history: TurnMessage[] = store
      .history(conversationId, firstId, HISTORY_WINDOW)
      .map((m) => ({ direction: m.direction, author: m.author, text: m.text, at: m.created_at }));
    // A voice note becomes words when a transcription endpoint is set; the transcript is already saved on the message.
    let transcribed: { language: string | null } | null = null;
    for (const m of inbound) {
      if (m.kind !== 'audio' || m.text.trim() || !deps.transcribe) continue;
      const heard = await deps.transcribe({ shopId: facts.shopId, messageId: m.id });
      if (heard) {
        m.text = heard.text;
        transcribed = { language: heard.language };
      }
    }
    // Waits only behind turns for the same endpoint (a local model answers two at a time, a hosted API many).
    const gate = turnLimitFor(settings.llm);
    // Photos and voice notes are the brain's to read: a media-only turn is a turn like any other.
    const attachments = inbound.filter((m) => m.kind !== 'text').map((m) => ({ kind: m.kind, meta: m.meta }));
    const decision = await deps.gates.run(gate.key, gate.limit, () =>
      deps.brain.decide({
        shopId: facts.shopId,
        conversationId,
        contactId: facts.contactId,
        inboundMessageIds: messageIds,
        text: inbound
          .map((m) => m.text)
          .filter(Boolean)
          .join('\n'),
        history,
        now,
        ...(transcribed && { transcribed }),
        ...(attachments.length > 0 && { attachments }),
      }),
    );
    deps.crash('mid-decision');

    const escalation = decision.escalate ? (decision.escalateReason ?? encodeEscalations([escalationNotice('bot_asked')])) : null;
    const reply = decision.reply.trim();
    const outbound = reply
      ? {
          shopId: facts.shopId,
          accountId: facts.accountId,
          conversationId,
          toJid: facts.contactJid,
          author: 'bot' as const,
          text: reply,
          meta: JSON.stringify({
            inReplyTo: messageIds,
            language: decision.language,
            intent: decision.intent,
            salesAction: decision.salesAction,
            orderAction: decision.orderAction,
            escalate: decision.escalate,
            skus: decision.skus,
            media: decision.media,
            citations: decision.citations,
            strategy: decision.strategy ?? null,
          }),
          channelMessageId: newChannelMessageId(),
          draft: route.kind === 'draft',
        }
      : null;
    const committedAt = clock.now().toISOString();
    commitLater(
      () => store.completeTurn(messageIds, outbound, escalation, flood === 'answer_and_flag' ? 'flooding' : null, committedAt),
      (committed) =>
        deps.onTurn({
          conversationId,
          shopId: facts.shopId,
          route: route.kind,
          outboundMessageId: committed.outboundMessageId,
          ...(committed.row && { outboundRow: committed.row }),
          draft: route.kind === 'draft',
          escalation,
        }),
    );
    return more;
  }

  /** More than N customer messages in a minute: answer once, flag, then stay quiet. */
  function floodState(facts: TurnFacts, now: number): 'ok' | 'answer_and_flag' | 'already_answered' {
    const limits = deps.policyOf(facts.shopId).reply;
    if (!limits.enabled) return 'ok';
    const recent = store.inboundCountSince(facts.conversationId, new Date(now - 60_000).toISOString());
    if (recent <= limits.contactMessagesPerMinute) return 'ok';
    return facts.flaggedReason === 'flooding' ? 'already_answered' : 'answer_and_flag';
  }

  return {
    /** A conversation got a new customer message. */
    mark: (conversationId: number) => scheduler.mark(conversationId),
    resume: () => scheduler.rediscover(),
    idle: () => scheduler.idle(),
    stop: () => scheduler.stop(),
  };
}
