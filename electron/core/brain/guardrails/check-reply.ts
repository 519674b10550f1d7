import type { BrainDecision } from '../../../../shared/domain/brain';
import type { Violation } from '../../../../shared/domain/guardrails';
import { type StoreFacts, buildBacking, keyOf } from './backing';
import { checkNumbers, statesAPriceOf } from './check-numbers';
import { checkClaimAgreement } from './claim-agreement';
import { checkPromises } from './claims';
import { checkLinks } from './links';
import { checkPriceOwners } from './price-owner';
import { checkProductNames, vocabularyOf } from './products';
import { checkSecretRequests } from './secret-requests';
import { fold } from './text';

/** Everything one reply is checked against. The router loads it; the check itself is pure. */
export interface ReplyCheckInput {
  decision: BrainDecision;
  store: StoreFacts;
  /** SKUs confirmed to exist in the catalog. */
  knownSkus: ReadonlySet<string>;
  /** Every customer message of the conversation, this turn included. */
  customerTexts: string[];
  /** Other names the reply may use: the shop's name, the customer's name, the seller's name. */
  extraNames: string[];
  /** Check capitalised names against the catalog (LLM replies). */
  strictNames: boolean;
  /** Strings that only the system prompt contains (section headers, a canary). */
  promptMarkers: string[];
  /** Numbers the customer is known by (their WhatsApp number): a reply may repeat them in any formatting. */
  customerPhones?: readonly string[];
  /** The shop's country (ISO 3166): national phone numbers are read in its plan. */
  country?: string | null;
}

/** Words that only a leaked prompt or settings dump would contain. */
const LEAK_WORDS = [
  'system prompt',
  'maxdiscountpercent',
  'dailytokencap',
  'apikey',
  'api key',
  'my instructions',
  'mes instructions',
  'minhas instrucoes',
  'تعليماتي',
  'prompt systeme',
  'prompt do sistema',
];

function checkLeak(reply: string, markers: string[]): Violation[] {
  const folded = fold(reply);
  const hit = [...LEAK_WORDS, ...markers.map(fold)].find((m) => m && folded.includes(m));
  return hit ? [{ kind: 'prompt_leak', detail: 'The reply reveals internal instructions or settings.', fragment: hit }] : [];
}

function checkPriceAnswered(input: ReplyCheckInput): Violation[] {
  const { decision, store } = input;
  if (decision.intent !== 'price_question' || decision.escalate) return [];
  const asked = store.products.filter((p) => decision.skus.includes(p.sku));
  if (asked.length === 0) return [];
  const prices = new Set<string>();
  for (const p of asked) {
    for (const v of [p.price, p.compareAtPrice, ...p.variants.map((x) => x.price)]) if (v != null) prices.add(keyOf(v));
    for (let d = 1; d <= store.sales.maxDiscountPercent; d++) {
      prices.add(keyOf(p.price * (1 - d / 100)));
      prices.add(keyOf(Math.round(p.price * (1 - d / 100))));
    }
  }
  if (statesAPriceOf(decision.reply, prices)) return [];
  return [
    {
      kind: 'price_missing',
      detail: `A price question about ${asked[0]?.name ?? 'a product'} was answered without its price.`,
      fragment: decision.reply.slice(0, 80),
    },
  ];
}

/** The guardrails: every violation of the honest-claims rules in one reply (empty = may be sent). */
export function checkReply(input: ReplyCheckInput): Violation[] {
  const { decision, store } = input;
  const reply = decision.reply;
  if (reply.trim() === '') return [{ kind: 'empty_reply', detail: 'The reply is empty.', fragment: '' }];
  const vocabulary = vocabularyOf(store.products, [
    ...input.customerTexts,
    ...input.extraNames,
    ...store.knowledge,
    ...store.facts.deliveryZones.map((z) => z.name),
    store.facts.openingHours,
    store.facts.returnPolicy,
    ...store.facts.paymentMethods,
  ]);
  // Quoting a product's name ("Cornetti (scatola da 6)", "Chargeur 65W") states no number.
  const names = store.products
    .flatMap((p) => [p.name, ...p.altNames, ...p.variants.map((v) => v.name)])
    .filter((n) => /\d/.test(n) && n.length >= 4);
  const withoutNames = names.reduce((text, name) => text.split(name).join(' '.repeat(name.length)), reply);
  const backing = buildBacking(store);
  return [
    ...checkClaimAgreement(reply, input.customerTexts.at(-1), backing, store.salesCounts),
    ...checkNumbers({
      reply: withoutNames,
      backing,
      maxDiscountPercent: store.sales.maxDiscountPercent,
      customerTexts: input.customerTexts,
      ...(input.customerPhones && { customerPhones: input.customerPhones }),
      country: input.country ?? null,
    }),
    ...checkPriceAnswered(input),
    ...checkPromises(reply, store.facts),
    ...checkProductNames({
      reply,
      claimedSkus: [...decision.skus, ...decision.orderItems.map((i) => i.sku)],
      knownSkus: input.knownSkus,
      vocabulary,
      strictNames: input.strictNames,
    }),
    ...checkLeak(reply, input.promptMarkers),
    ...checkLinks({ reply, shopLinks: store.facts.shopLinks, imageUrls: store.products.flatMap((p) => p.images) }),
    ...checkSecretRequests(reply),
    ...checkPriceOwners({ reply, store, skus: decision.skus }),
  ];
}
