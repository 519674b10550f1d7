/**
 * How an order status change reaches the customer. The orders area only decides *whether* and
 * *what* to say; the lead's pipeline owns sending (outbox, ids, rate limits) and attaches itself
 * here when core is composed. Until then nothing is sent and the caller is told so.
 */
export interface CustomerMessenger {
  /** Queues `text` as a bot message in the conversation; false when it could not be queued. */
  sendToConversation(shopId: number, conversationId: number, text: string): Promise<boolean>;
}

export interface AttachableMessenger extends CustomerMessenger {
  attach(target: CustomerMessenger): void;
}

/** A per-core slot the pipeline fills once it exists (create-core builds the pipeline after the handlers). */
export function makeAttachableMessenger(): AttachableMessenger {
  let target: CustomerMessenger | null = null;
  return {
    attach(next) {
      target = next;
    },
    async sendToConversation(shopId, conversationId, text) {
      return target ? target.sendToConversation(shopId, conversationId, text) : false;
    },
  };
}
