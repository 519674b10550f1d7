import type { Intent } from '../../../../shared/domain/brain';
import { classifyIntent } from '../../brain';
import { isStopWord, tokenise } from '../../text';

/** One stored message of an ordered conversation, oldest first. */
export interface AnalyzedMessage {
  direction: 'in' | 'out';
  author: 'customer' | 'bot' | 'seller';
  text: string;
  /** The bot's decision summary (pipeline meta), when it wrote the message. */
  meta: string | null;
}

export interface LearnedPair {
  kind: 'qa' | 'objection';
  question: string;
  answer: string;
  category: string;
  confidence: number;
  keywords: string[];
}

const CATEGORY: Partial<Record<Intent, string>> = {
  delivery_question: 'delivery',
  price_question: 'price',
  availability: 'availability',
  objection_price: 'price_objection',
  objection_trust: 'trust',
  objection_hesitation: 'hesitation',
  other: 'general',
  greeting: 'general',
  order_request: 'ordering',
  // Before a sale, a question about returns or exchanges is a policy question, not a complaint.
  complaint_refund: 'returns',
};
const OBJECTIONS = new Set<Intent>(['objection_price', 'objection_trust', 'objection_hesitation']);
/** Answered live from the catalog with today's prices and stock: a frozen copy would go stale. */
const CATALOG_LIVE = new Set<Intent>(['price_question', 'availability']);
const NOT_QUESTIONS = new Set<Intent>(['thanks', 'human_request']);

const isQuestion = (text: string) => /[?؟]/.test(text);
const MIN_CONTENT_WORDS = 2;

/** Content words of a question: canonical tokens without stop words or digits-only tokens. */
export function contentWords(text: string): string[] {
  return [...new Set(tokenise(text).filter((t) => t.length >= 3 && !isStopWord(t) && !/^\d+$/.test(t)))];
}

interface BotMeta {
  escalate?: boolean;
  intent?: string;
  followUp?: boolean;
}

export type Classify = (text: string) => Intent;

/**
 * The intent classifier memoised for one pass: it costs about a millisecond per message, and
 * customers repeat themselves ("nheb ncommandi", "ch7al?") across thousands of sales.
 */
export function memoClassify(limit = 50_000): Classify {
  const seen = new Map<string, Intent>();
  return (text) => {
    const key = text.trim().toLowerCase();
    let intent = seen.get(key);
    if (intent === undefined) {
      intent = classifyIntent(text).intent;
      if (seen.size < limit) seen.set(key, intent);
    }
    return intent;
  };
}

const INTENTS = new Set<string>(Object.keys(CATEGORY).concat(['thanks', 'human_request']));

/** The intent the bot recorded when it answered this message (free), else the classifier's. */
function intentOf(message: AnalyzedMessage, replies: readonly AnalyzedMessage[], classify: Classify): Intent {
  const recorded = replies.find((r) => r.author === 'bot' && r.meta)?.meta;
  const intent = recorded ? botMeta(recorded).intent : undefined;
  return intent && INTENTS.has(intent) ? (intent as Intent) : classify(message.text);
}

function botMeta(meta: string | null): BotMeta {
  if (!meta) return {};
  try {
    return JSON.parse(meta) as BotMeta;
  } catch {
    return {};
  }
}

/**
 * Question → answer and objection → resolution pairs that preceded a sale, by heuristics over the
 * stored messages: a customer question (or objection) and the replies that followed it before the
 * customer wrote again. The seller's own answers are worth most (that is what the bot did not
 * know); bot answers count when they resolved an objection; a bot answer that escalated, and
 * price or stock answers (the catalog gives those live), teach nothing.
 */
export function extractPairs(
  messages: readonly AnalyzedMessage[],
  classify: Classify = (text) => classifyIntent(text).intent,
): LearnedPair[] {
  const pairs: LearnedPair[] = [];
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.direction !== 'in' || !m.text.trim()) continue;
    const replies: AnalyzedMessage[] = [];
    for (let j = i + 1; j < messages.length && messages[j]!.direction === 'out'; j++) replies.push(messages[j]!);
    if (replies.length === 0) continue;
    const intent = intentOf(m, replies, classify);
    if (NOT_QUESTIONS.has(intent)) continue;
    const objection = OBJECTIONS.has(intent);
    if (!objection && !isQuestion(m.text) && intent !== 'delivery_question') continue;
    const bySeller = replies.some((r) => r.author === 'seller');
    const useful = replies.filter((r) => (bySeller ? r.author === 'seller' : !botMeta(r.meta).escalate && !botMeta(r.meta).followUp));
    if (useful.length === 0) continue;
    if (!bySeller && !objection && CATALOG_LIVE.has(intent)) continue;
    const keywords = contentWords(m.text).slice(0, 8);
    if (keywords.length < MIN_CONTENT_WORDS && !objection) continue;
    pairs.push({
      kind: objection ? 'objection' : 'qa',
      question: m.text.trim(),
      answer: useful.map((r) => r.text.trim()).join('\n'),
      category: CATEGORY[intent] ?? 'general',
      confidence: bySeller ? 0.8 : objection ? 0.6 : 0.5,
      keywords,
    });
  }
  return pairs;
}
