/**
 * Messages the bot starts (follow-ups) go out like every bot message: through the pipeline's
 * outbox writer, then the dispatcher's rate limits, pacing and 24 h window check. Their meta says
 * `proactive: true`, which is how the dispatcher can pace them apart from replies.
 */
export interface ProactiveOutbox {
  /** Writes the message and its outbox row (joins the caller's transaction); null if the conversation is gone. */
  write(conversationId: number, text: string, meta: Record<string, unknown>, now: string): number | null;
  /** After the commit: events for the inbox and a nudge to the dispatcher. */
  announce(conversationId: number, messageId: number): void;
}
