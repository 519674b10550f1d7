import type { BrainDecision } from '../../../shared/domain/brain';
import type { Product } from '../../../shared/domain/catalog';
import { SalesSettings, ShopFacts } from '../../../shared/domain/settings';
import type { StoreFacts } from '../brain/guardrails/backing';
import type { ReplyCheckInput } from '../brain/guardrails/check-reply';
import { decision } from './decisions';

export { decision };

/** Test helpers for the guardrail tests (not used by production code). */
export function product(over: Partial<Product> & Pick<Product, 'sku' | 'name' | 'price'>): Product {
  return {
    id: 1,
    shopId: 1,
    altNames: [],
    aliases: [],
    category: 'misc',
    compareAtPrice: null,
    currency: 'DZD',
    stock: null,
    variants: [],
    images: [],
    description: '',
    upsellSkus: [],
    ...over,
  };
}

const dress = product({
  sku: 'DZ-DR-001',
  name: 'Robe de soirée rouge',
  altNames: ['فستان سهرة أحمر'],
  aliases: ['fostan'],
  price: 6500,
  stock: 3,
  variants: ['S', 'M', 'L'].map((name) => ({ name, sku: null, price: null, stock: null })),
  description: 'Robe longue en satin, 100% polyester.',
});

const bag = product({ sku: 'DZ-BG-001', name: 'Sac à main cuir noir', altNames: ['حقيبة يد جلد سوداء'], price: 4500, stock: 7 });

export function store(over: Partial<StoreFacts> = {}): StoreFacts {
  return {
    products: [dress, bag],
    facts: ShopFacts.parse({
      deliveryZones: [
        { name: 'Alger', fee: 400, delayDays: '1-2' },
        { name: 'Oran', fee: 700, delayDays: '2-3' },
      ],
      paymentMethods: ['cash_on_delivery'],
      returnPolicy: 'Échange possible sous 7 jours, article non porté.',
      openingHours: '9h-18h',
    }),
    sales: SalesSettings.parse({ maxDiscountPercent: 10 }),
    orderItems: [],
    salesCounts: new Map(),
    orderCount: null,
    knowledge: [],
    now: new Date('2026-11-23T10:00:00Z'),
    ...over,
  };
}

export function checkInput(
  reply: string,
  over: Partial<ReplyCheckInput> & { decisionOver?: Partial<BrainDecision> } = {},
): ReplyCheckInput {
  const { decisionOver, ...rest } = over;
  return {
    decision: decision({ reply, ...decisionOver }),
    store: store(),
    knownSkus: new Set(['DZ-DR-001', 'DZ-BG-001']),
    customerTexts: [],
    extraNames: ['Boutique Lina'],
    strictNames: true,
    promptMarkers: ['[[souq-rules]]'],
    ...rest,
  };
}
