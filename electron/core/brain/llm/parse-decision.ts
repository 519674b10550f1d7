import { BrainDecision, type OutgoingMedia } from '../../../../shared/domain/brain';
import type { Product } from '../../../../shared/domain/catalog';
import { MalformedOutputError } from './chat-client';
import { type RawSlots, readRawSlots } from './slots';

/** Takes the JSON object out of a model's answer (models wrap it in fences or prose). */
function jsonObjectIn(content: string): unknown {
  const unfenced = content.replace(/```(?:json)?/gi, '');
  const start = unfenced.indexOf('{');
  const end = unfenced.lastIndexOf('}');
  if (start < 0 || end <= start) throw new MalformedOutputError('no JSON object in the answer');
  try {
    return JSON.parse(unfenced.slice(start, end + 1));
  } catch {
    throw new MalformedOutputError('the JSON object does not parse');
  }
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * The model's answer as a validated BrainDecision. Missing optional lists default to empty (models
 * drop them); anything else wrong (a missing reply, an unknown intent) is malformed output.
 */
export function parseDecision(content: string, photoProducts: ReadonlyMap<string, Product>): BrainDecision {
  const raw = jsonObjectIn(content);
  if (typeof raw !== 'object' || raw === null) throw new MalformedOutputError('the answer is not an object');
  const obj = raw as Record<string, unknown>;
  const photoSku = typeof obj.photoSku === 'string' ? obj.photoSku : null;
  const photo = photoSku ? photoProducts.get(photoSku) : undefined;
  const media: OutgoingMedia[] = photo?.images[0] ? [{ kind: 'image', url: photo.images[0], caption: photo.name }] : [];
  const candidate = {
    reply: obj.reply,
    language: obj.language,
    intent: obj.intent,
    sentiment: obj.sentiment ?? 'neutral',
    confidence: typeof obj.confidence === 'number' ? Math.min(1, Math.max(0, obj.confidence)) : obj.confidence,
    salesAction: obj.salesAction ?? 'none',
    orderAction: obj.orderAction ?? 'none',
    orderItems: asArray(obj.orderItems),
    escalate: obj.escalate ?? false,
    escalateReason: obj.escalateReason ?? null,
    citations: asArray(obj.citations).map(String),
    skus: asArray(obj.skus).map(String).slice(0, 3),
    media,
  };
  const parsed = BrainDecision.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MalformedOutputError(`field ${issue?.path.join('.') || '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The decision plus the order slots the model read (its `order` field), when it gave any. */
export function parseTurn(
  content: string,
  photoProducts: ReadonlyMap<string, Product>,
): { decision: BrainDecision; slots: RawSlots | null } {
  const decision = parseDecision(content, photoProducts);
  const raw = jsonObjectIn(content) as Record<string, unknown>;
  return { decision, slots: raw.order === undefined || raw.order === null ? null : readRawSlots(raw.order) };
}
