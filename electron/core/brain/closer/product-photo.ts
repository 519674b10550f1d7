import type { BrainDecision, Intent } from '../../../../shared/domain/brain';
import type { Product } from '../../../../shared/domain/catalog';
import { fold } from '../guardrails/text';
import { priceOf } from '../offline/answers';
import { nameFor } from '../offline/product-name';
import { say } from '../templates/index';
import type { Brain, BrainInput } from '../types';

/** WhatsApp's limit on an image caption. */
const CAPTION_MAX = 1024;

/** Turns about something else than the product (a complaint, delivery, a human): no photo rides along. */
const NOT_PRESENTING: ReadonlySet<Intent> = new Set(['complaint_refund', 'human_request', 'delivery_question', 'thanks', 'greeting']);

export interface ProductPhotoDeps {
  /** Products by SKU (the one the reply is about). */
  catalog: { getBySku(shopId: number, sku: string): Product | undefined };
  /** Image addresses already sent in the conversation (sent-photos-repo.ts). */
  sentPhotos: { sentIn(conversationId: number): ReadonlySet<string> };
  /**
   * Whether the shop holds this image address as a file it can send (a stored catalog copy). A
   * web address never downloaded, or a picked file that is gone, is not sent: the reply then goes
   * alone and claims no photo.
   */
  canSend(shopId: number, url: string): boolean;
}

const names = (p: Product): string[] => [p.name, ...p.altNames].map(fold).filter((n) => n.length >= 3);

/** The first product of the decision that its reply names (folded), i.e. the product the reply shows. */
function presented(decision: BrainDecision, products: Product[]): Product | null {
  const reply = fold(decision.reply);
  return products.find((p) => names(p).some((n) => reply.includes(n))) ?? null;
}

/**
 * The photo the sales closer adds when its reply presents a product: that product's stored
 * catalog photo, as an image whose caption is the name and price followed by the reply (WhatsApp
 * shows an image's caption, not a separate text). Once per product per conversation; never when
 * the reply already carries a photo, takes an order's details, or hands over.
 */
export function productPhotoFor(input: BrainInput, decision: BrainDecision, deps: ProductPhotoDeps): BrainDecision {
  if (decision.media.length > 0 || decision.escalate || NOT_PRESENTING.has(decision.intent)) return decision;
  if (decision.orderAction !== 'none' && decision.orderAction !== 'start') return decision;
  if (decision.skus.length === 0 || !decision.reply.trim()) return decision;
  const sent = deps.sentPhotos.sentIn(input.conversationId);
  const candidates = decision.skus.flatMap((sku) => {
    const p = deps.catalog.getBySku(input.shopId, sku);
    const url = p?.images[0];
    if (!p || !url || sent.has(url) || !deps.canSend(input.shopId, url)) return [];
    return [p];
  });
  const product = presented(decision, candidates);
  if (!product) return decision;
  const l = decision.language;
  const title = say(l, 'photoCaption', { name: nameFor(product, l), price: priceOf(product, null, l) });
  const caption = `${title}\n${decision.reply.trim()}`.slice(0, CAPTION_MAX);
  return { ...decision, media: [{ kind: 'image', url: product.images[0]!, caption }] };
}

/** The pipeline's brain with the closer's product photo added to its decisions. */
export function withProductPhoto(brain: Brain, deps: ProductPhotoDeps): Brain {
  return {
    async decide(input) {
      return productPhotoFor(input, await brain.decide(input), deps);
    },
  };
}
