import { describe, expect, it } from 'vitest';
import { withMediaTurns } from './media-turn';
import type { Brain, BrainInput } from './types';
import { decision } from '../test-utils/decisions';

function recordingBrain() {
  const seen: BrainInput[] = [];
  const brain: Brain = {
    async decide(input) {
      seen.push(input);
      return decision({ reply: `answer to ${input.text}`, confidence: 1 });
    },
  };
  return { brain, seen };
}

const turn = (patch: Partial<BrainInput>): BrainInput => ({
  shopId: 1,
  conversationId: 2,
  contactId: 3,
  inboundMessageIds: [10],
  text: '',
  history: [],
  now: new Date('2026-12-01T12:00:00Z'),
  ...patch,
});

describe('withMediaTurns', () => {
  it('acknowledges a voice note in the language the customer last wrote in and hands over', async () => {
    const { brain, seen } = recordingBrain();
    const decision = await withMediaTurns(brain).decide(
      turn({
        attachments: [{ kind: 'audio', meta: null }],
        history: [{ direction: 'in', author: 'customer', text: 'salam khoya, ch7al had sac?', at: '2026-12-01T11:59:00Z' }],
      }),
    );
    expect(seen).toHaveLength(0);
    expect(decision).toMatchObject({ language: 'dz-latn', escalate: true });
    expect(decision.reply).toMatch(/ta3ek/);
    expect(JSON.parse(decision.escalateReason!)).toEqual([{ code: 'voice_note_received', params: {} }]);
  });

  it('a photo with no earlier words is acknowledged in French, as a photo', async () => {
    const { brain } = recordingBrain();
    const decision = await withMediaTurns(brain, { understand: async () => null }).decide(
      turn({ attachments: [{ kind: 'image', meta: '{"mediaPath":"x.jpg"}' }] }),
    );
    expect(decision.language).toBe('fr');
    expect(decision.reply).toMatch(/Bien reçu/);
    expect(JSON.parse(decision.escalateReason!)).toEqual([{ code: 'photo_received', params: {} }]);
  });

  it('a recognised photo reaches the brain as the customer naming the product, in their language', async () => {
    const { brain, seen } = recordingBrain();
    const asked: unknown[] = [];
    const decision = await withMediaTurns(brain, {
      understand: async (shopId, attachments, language) => {
        asked.push({ shopId, attachments, language });
        return 'combien le sac noir ?';
      },
    }).decide(turn({ attachments: [{ kind: 'image', meta: '{"mediaPath":"x.jpg"}' }] }));
    expect(asked).toEqual([{ shopId: 1, attachments: [{ kind: 'image', meta: '{"mediaPath":"x.jpg"}' }], language: 'fr' }]);
    expect(seen.map((i) => i.text)).toEqual(['combien le sac noir ?']);
    expect(decision.reply).toBe('answer to combien le sac noir ?');
  });

  it('words in the turn (a caption, a text next to the photo, an unreadable kind) go to the brain unchanged', async () => {
    const { brain, seen } = recordingBrain();
    const media = withMediaTurns(brain, { understand: async () => 'never asked' });
    await media.decide(turn({ text: 'wach kayen?', attachments: [{ kind: 'image', meta: null }] }));
    await media.decide(turn({ inboundMessageIds: [10, 11], attachments: [{ kind: 'image', meta: null }] }));
    await media.decide(turn({ attachments: [{ kind: 'location', meta: null }] }));
    await media.decide(turn({ text: 'salam' }));
    expect(seen.map((i) => i.text)).toEqual(['wach kayen?', '', '', 'salam']);
  });
});
