import { describe, expect, it } from 'vitest';
import type { BrainDecision } from '../../../../shared/domain/brain';
import type { Product } from '../../../../shared/domain/catalog';
import type { BrainInput } from '../types';
import { decision as baseDecision } from '../../test-utils/decisions';
import { type ProductPhotoDeps, productPhotoFor, withProductPhoto } from './product-photo';

const product = (sku: string, name: string, price: number, images: string[]): Product => ({
  id: sku.length,
  shopId: 1,
  sku,
  name,
  altNames: [],
  aliases: [],
  category: 'sacs',
  price,
  compareAtPrice: null,
  currency: 'DZD',
  stock: 4,
  variants: [],
  images,
  description: '',
  upsellSkus: [],
});

const CATALOG = [
  product('SAC-1', 'Sac cabas cuir', 6500, ['https://cdn.example/sac.jpg']),
  product('FOU-1', 'Foulard soie', 2500, ['souq-image:0123456789abcdef0123456789abcdef.jpg']),
  product('NONE-1', 'Plateau cuivre', 4000, []),
  product('GONE-1', 'Coussin brodé', 2000, ['https://cdn.example/gone.jpg']),
];

function deps(sent: string[] = []): ProductPhotoDeps & { stored: Set<string> } {
  const stored = new Set(['https://cdn.example/sac.jpg', 'souq-image:0123456789abcdef0123456789abcdef.jpg']);
  return {
    stored,
    catalog: { getBySku: (_shop, sku) => CATALOG.find((p) => p.sku === sku) },
    sentPhotos: { sentIn: () => new Set(sent) },
    canSend: (_shop, url) => stored.has(url),
  };
}

const input: BrainInput = {
  shopId: 1,
  conversationId: 7,
  contactId: 3,
  inboundMessageIds: [1],
  text: 'combien ?',
  history: [],
  now: new Date(),
};

const decision = (reply: string, skus: string[], patch: Partial<BrainDecision> = {}): BrainDecision =>
  baseDecision({ reply, intent: 'price_question', skus, ...patch });

describe('the sales closer shows the product with its photo', () => {
  it('attaches the stored photo of the product the reply presents, captioned with name, price and the reply', () => {
    const out = productPhotoFor(input, decision('Le sac cabas cuir est à 6 500 DA, il en reste 4.', ['SAC-1']), deps());
    expect(out.media).toHaveLength(1);
    expect(out.media[0]!.url).toBe('https://cdn.example/sac.jpg');
    expect(out.media[0]!.caption).toMatch(/^Sac cabas cuir – 6[\s  ]500/);
    expect(out.media[0]!.caption).toContain('il en reste 4');
    expect(out.reply).toBe('Le sac cabas cuir est à 6 500 DA, il en reste 4.');
  });

  it('picks the product the reply names, not merely the first SKU the turn retrieved', () => {
    const out = productPhotoFor(input, decision('Le foulard soie est à 2 500 DA.', ['SAC-1', 'FOU-1']), deps());
    expect(out.media[0]?.url).toBe('souq-image:0123456789abcdef0123456789abcdef.jpg');
  });

  it('sends a product photo once per conversation', () => {
    const d = decision('Le sac cabas cuir est à 6 500 DA.', ['SAC-1']);
    expect(productPhotoFor(input, d, deps(['https://cdn.example/sac.jpg'])).media).toEqual([]);
  });

  it('claims nothing when the product has no photo, or its photo is not stored (dead link, file gone)', () => {
    for (const [reply, sku] of [
      ['Le plateau cuivre est à 4 000 DA.', 'NONE-1'],
      ['Le coussin brodé est à 2 000 DA.', 'GONE-1'],
    ] as const) {
      const d = decision(reply, [sku]);
      expect(productPhotoFor(input, d, deps())).toEqual(d);
    }
  });

  it('adds nothing when the reply does not present the product, hands over, takes order details, or already has a photo', () => {
    const d = deps();
    for (const x of [
      decision('La livraison à Oran coûte 600 DA.', ['SAC-1']),
      decision('Le sac cabas cuir est à 6 500 DA.', ['SAC-1'], { escalate: true }),
      decision('Le sac cabas cuir est à 6 500 DA.', ['SAC-1'], { intent: 'complaint_refund' }),
      decision('Sac cabas cuir noté. Votre adresse ?', ['SAC-1'], { orderAction: 'add_item' }),
      decision('Sac cabas cuir – 6 500 DA', ['SAC-1'], { media: [{ kind: 'image', url: 'https://cdn.example/sac.jpg', caption: 'x' }] }),
    ])
      expect(productPhotoFor(input, x, d)).toEqual(x);
  });

  it('wraps a brain: the decision that goes out carries the photo', async () => {
    const brain = withProductPhoto({ decide: async () => decision('Le sac cabas cuir est à 6 500 DA.', ['SAC-1']) }, deps());
    expect((await brain.decide(input)).media[0]?.url).toBe('https://cdn.example/sac.jpg');
  });
});
