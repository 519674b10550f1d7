/**
 * How an order status change reaches the customer. The orders area only decides *whether* and
 * *what* to say; the pipeline owns sending (outbox, ids, rate limits): create-core builds the
 * pipeline first and hands the orders handlers `makePipelineMessenger` (pipeline-messenger.ts).
 * A false answer means the message could not be queued, and the caller is told so.
 */
export interface CustomerMessenger {
  /** Queues `text` as a bot message in the conversation; false when it could not be queued. */
  sendToConversation(shopId: number, conversationId: number, text: string): Promise<boolean>;
}
