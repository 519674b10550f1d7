import type { OutgoingMedia } from '../../../shared/domain/brain';
import { type Channel, ChannelSendError } from '../channels';
import type { Clock, Logger } from '../ports';
import type { CrashHook } from './crash-points';
import { KeyedScheduler } from './keyed-scheduler';
import type { OutboxRow, PipelineStore } from './pipeline-store';
import { type SendPolicy, budgetFor } from './pacing-presets';
import { type AccountSendLimiter, MAX_SEND_ATTEMPTS, retryDelayMs, typingDuration } from './policies';

export interface DispatchOutcome {
  messageId: number;
  conversationId: number;
  shopId: number;
  status: 'sent' | 'retrying' | 'failed';
  error: string | null;
}

export interface DispatcherDeps {
  /** The outbox and message rows the dispatcher reads and marks (the pipeline's prepared statements). */
  store: PipelineStore;
  /** The channel that sends for an account, or null while it is not connected. */
  channelFor(accountId: number): Channel | null;
  /** Time for due dates, budgets and backoff. */
  clock: Clock;
  /** Core's logger: unexpected dispatch errors. */
  logger: Logger;
  /** Each account's budgets: replies to a customer who just wrote, and everything proactive (with the new-number ramp). */
  limiters: { reply: AccountSendLimiter; proactive: AccountSendLimiter };
  /** The shop's send policy: pacing (typing time), budgets and the proactive reply window. */
  policyOf(shopId: number): SendPolicy;
  /** Test-only crash points (`after-send`); `noCrash` in production. */
  crash: CrashHook;
  /** Conversations sending at once; each mostly waits (typing, the channel), the account limiters keep the pace. */
  concurrency: number;
  /** Waits the typing time (ms); tests resolve it at once. */
  sleep(ms: number): Promise<void>;
  /** Called for every outcome (sent, retrying, failed): events, desktop notices. */
  onDispatch(outcome: DispatchOutcome): void;
  /** A product photo's address → what the channel sends (media/outgoing.ts: the stored copy); null drops it. */
  resolveMedia?(shopId: number, media: OutgoingMedia): OutgoingMedia | null;
  /** The customer's messages a reply answers (channel ids, read-receipts-store.ts); absent = no read receipts. */
  unreadBefore?(row: OutboxRow): string[];
}

/**
 * Sends outbox rows through their account's channel, oldest first per conversation. The
 * message id was chosen and stored before the first attempt; every attempt — including the
 * one after a crash left a send in doubt — uses that same id, so the customer's WhatsApp
 * shows the message once. Nothing is ever re-sent under a new id.
 */
export function makeDispatcher(deps: DispatcherDeps) {
  const { store, clock } = deps;
  /** The row `dueAt` just read, handed to the run that follows (saves a query). */
  const seen = new Map<number, OutboxRow>();
  /** Sends that finished since the last pass: their bookkeeping commits together. A crash
   * before that commit leaves them queued, i.e. in doubt, and they go again under the same id. */
  let finished: Array<{ row: OutboxRow }> = [];
  /** Rows the channel took (their bookkeeping may still wait in `finished`). */
  const delivered = new WeakSet<OutboxRow>();
  const commitFinished = () => {
    if (finished.length === 0) return;
    const done = finished;
    finished = [];
    store.batch(
      done.map(
        ({ row }) =>
          () =>
            store.markSent(row.outboxId, row.messageId),
      ),
    );
    for (const { row } of done)
      deps.onDispatch({ messageId: row.messageId, conversationId: row.conversationId, shopId: row.shopId, status: 'sent', error: null });
  };

  const scheduler = new KeyedScheduler({
    concurrency: deps.concurrency,
    now: () => clock.now().getTime(),
    discover: () => store.queuedConversations(),
    // Only the oldest queued row of a conversation may go: replies keep their order.
    dueAt(conversationId, now) {
      const row = store.firstQueued(conversationId);
      if (!row) return null;
      seen.set(conversationId, row);
      return Math.max(Date.parse(row.nextAttemptAt), limiterFor(row, now).earliest(row.accountId, now));
    },
    async run(conversationId) {
      const row = seen.get(conversationId) ?? store.firstQueued(conversationId);
      seen.delete(conversationId);
      if (!row) return false;
      await send(row);
      // Check again when a later row was queued behind it or this one did not go (deferred, retrying). A row
      // queued since the read was marked, and a mark during the run keeps the conversation due.
      return row.queuedBehind === 1 || !delivered.has(row);
    },
    onError: (err, conversationId) => deps.logger.error({ err, conversationId }, 'dispatch failed unexpectedly'),
    beforePass: commitFinished,
  });

  /** The budget a row spends: the reply one only while the customer's message is fresh. */
  function limiterFor(row: OutboxRow, now: number): AccountSendLimiter {
    return budgetFor(deps.policyOf(row.shopId), row.kind, row.lastInboundAt, now) === 'reply'
      ? deps.limiters.reply
      : deps.limiters.proactive;
  }

  async function send(row: OutboxRow): Promise<void> {
    const outcome = (status: DispatchOutcome['status'], error: string | null) =>
      deps.onDispatch({ messageId: row.messageId, conversationId: row.conversationId, shopId: row.shopId, status, error });
    const policy = deps.policyOf(row.shopId);

    if (policy.proactive.enabled && row.author === 'bot' && !withinReplyWindow(row, policy.proactive.replyWindowHours)) {
      const error = `Not sent: the customer last wrote more than ${policy.proactive.replyWindowHours} h ago`;
      store.markFailed(row.outboxId, row.messageId, error);
      return outcome('failed', error);
    }
    const channel = deps.channelFor(row.accountId);
    if (!channel) return retry(row, 'The number is not connected', outcome);

    // Reserve the account's slot before pacing so parallel conversations respect the gap. A
    // proactive send also counts against the reply budget: together they never exceed it.
    const at = clock.now().getTime();
    const limiter = limiterFor(row, at);
    limiter.record(row.accountId, at);
    if (limiter === deps.limiters.proactive) deps.limiters.reply.record(row.accountId, at);
    // Read, then type, then answer, as the seller would: the customer's messages turn blue as the reply starts.
    // Not awaited: a receipt is best effort and must never hold the reply (Baileys first asks the privacy settings).
    const unread = row.kind === 'reply' && channel.markRead ? (deps.unreadBefore?.(row) ?? []) : [];
    if (unread.length > 0) void channel.markRead?.(row.accountId, row.toJid, unread).catch(() => undefined);
    const typingMs = typingDuration(policy.pacing, row.text);
    if (typingMs > 0 && channel.typing) {
      await channel.typing(row.accountId, row.toJid, typingMs).catch(() => undefined);
      await deps.sleep(typingMs);
    }
    try {
      await channel.send({
        accountId: row.accountId,
        to: row.toJid,
        channelMessageId: row.channelMessageId,
        text: row.text,
        media: resolved(row),
      });
    } catch (err) {
      const transient = !(err instanceof ChannelSendError) || err.transient;
      const message = err instanceof Error ? err.message : String(err);
      if (!transient) {
        store.markFailed(row.outboxId, row.messageId, message);
        return outcome('failed', message);
      }
      return retry(row, message, outcome);
    }
    deps.crash('after-send');
    delivered.add(row);
    finished.push({ row });
  }

  function resolved(row: OutboxRow): OutgoingMedia | null {
    const media = mediaOf(row.meta);
    return media && deps.resolveMedia ? deps.resolveMedia(row.shopId, media) : media;
  }

  function retry(row: OutboxRow, error: string, outcome: (s: DispatchOutcome['status'], e: string | null) => void): void {
    const attempt = row.attempts + 1;
    if (attempt >= MAX_SEND_ATTEMPTS) {
      const final = `Gave up after ${attempt} attempts: ${error}`;
      store.markFailed(row.outboxId, row.messageId, final);
      return outcome('failed', final);
    }
    store.retryLater(row.outboxId, new Date(clock.now().getTime() + retryDelayMs(attempt)).toISOString(), error);
    outcome('retrying', error);
  }

  function withinReplyWindow(row: OutboxRow, hours: number): boolean {
    const last = row.lastInboundAt;
    if (!last) return false;
    return clock.now().getTime() - Date.parse(last) <= hours * 3_600_000;
  }

  return {
    /** A conversation has (or may have) queued outbound rows. */
    mark: (conversationId: number) => scheduler.mark(conversationId),
    resume: () => scheduler.rediscover(),
    idle: () => scheduler.idle(),
    stop: () => scheduler.stop(),
  };
}

function mediaOf(meta: string | null): OutgoingMedia | null {
  if (!meta) return null;
  try {
    const parsed = JSON.parse(meta) as { media?: OutgoingMedia[] };
    return parsed.media?.[0] ?? null;
  } catch {
    return null;
  }
}
