import { describe, expect, it } from 'vitest';
import type { Conversation, Message } from '../../../../shared/domain/schemas';
import { conversationRow } from '../../../../shared/test-utils/conversation';
import { insertQuickReply, matchQuickReplies, mergeMessage, pagesFor, replaceRows, slashQueryAt, tickFor } from './inbox-model';

const conv = (id: number): Conversation => conversationRow(id);
const msg = (id: number, status: Message['status'] = 'sent'): Message => ({
  id,
  shopId: 1,
  conversationId: 1,
  direction: 'out',
  author: 'bot',
  kind: 'text',
  text: `m${id}`,
  status,
  channelMessageId: null,
  error: null,
  createdAt: '2026-01-01T00:00:00Z',
});

describe('paging', () => {
  it('covers a visible range with whole pages, bounded by the total', () => {
    expect(pagesFor(0, 49, 50, 10_000)).toEqual([0]);
    expect(pagesFor(45, 120, 50, 10_000)).toEqual([0, 1, 2]);
    expect(pagesFor(9_990, 10_005, 50, 10_000)).toEqual([199]);
    expect(pagesFor(0, 49, 50, 0)).toEqual([]);
    expect(pagesFor(0, 10, 50, Number.POSITIVE_INFINITY)).toEqual([0]);
  });

  it('places a page, trims rows past a shrunken total and drops a moved row’s old copy', () => {
    const rows = { 0: conv(1), 1: conv(2), 2: conv(3), 60: conv(9) };
    const next = replaceRows(rows, 0, [conv(3), conv(1)], 50);
    expect(next[0]?.id).toBe(3);
    expect(next[1]?.id).toBe(1);
    expect(next[2]).toBeUndefined(); // conversation 3 moved to the top
    expect(next[60]).toBeUndefined(); // beyond the new total
  });
});

describe('messages', () => {
  it('replaces by id (status updates) and keeps arrival order', () => {
    let list = [msg(1), msg(3)];
    list = mergeMessage(list, msg(3, 'read'));
    expect(list.map((m) => [m.id, m.status])).toEqual([
      [1, 'sent'],
      [3, 'read'],
    ]);
    list = mergeMessage(list, msg(2));
    expect(list.map((m) => m.id)).toEqual([1, 2, 3]);
  });

  it('never moves a status backwards (an event can overtake the HTTP answer)', () => {
    const sent = mergeMessage([msg(1, 'sent')], msg(1, 'queued'));
    expect(sent[0]?.status).toBe('sent');
    expect(mergeMessage(sent, msg(1, 'read'))[0]?.status).toBe('read');
    expect(mergeMessage([msg(2, 'draft')], { ...msg(2, 'queued'), text: 'edited' })[0]?.text).toBe('edited');
  });

  it('maps statuses to WhatsApp ticks', () => {
    expect(tickFor('queued')).toBe('pending');
    expect(tickFor('delivered')).toBe('delivered');
    expect(tickFor('failed')).toBe('failed');
    expect(tickFor('draft')).toBeNull();
  });
});

describe('quick replies in the reply box', () => {
  const replies = [
    { id: 1, shopId: 1, name: 'livraison', text: 'Livraison 24-48 h.' },
    { id: 2, shopId: 1, name: 'liv', text: 'Short.' },
    { id: 3, shopId: 1, name: 'prix', text: 'Prix en DA.' },
    { id: 4, shopId: 1, name: 'توصيل', text: 'التوصيل خلال يومين.' },
  ];

  it('finds the /name being typed at the caret, not a slash inside a word', () => {
    expect(slashQueryAt('Bonjour /liv', 12)).toEqual({ start: 8, query: 'liv' });
    expect(slashQueryAt('/', 1)).toEqual({ start: 0, query: '' });
    expect(slashQueryAt('24/7', 4)).toBeNull();
    expect(slashQueryAt('/liv et', 7)).toBeNull();
    expect(slashQueryAt('مرحبا /توص', 10)).toEqual({ start: 6, query: 'توص' });
  });

  it('matches by prefix, exact name first', () => {
    expect(matchQuickReplies(replies, 'liv').map((r) => r.name)).toEqual(['liv', 'livraison']);
    expect(matchQuickReplies(replies, 'LIVR').map((r) => r.name)).toEqual(['livraison']);
    expect(matchQuickReplies(replies, 'x')).toEqual([]);
  });

  it('replaces the /name token with the text and puts the caret after it', () => {
    const text = 'Bonjour /livr merci';
    const out = insertQuickReply(text, 8, 13, replies[0] as (typeof replies)[number]);
    expect(out.text).toBe('Bonjour Livraison 24-48 h. merci');
    expect(out.caret).toBe(8 + 'Livraison 24-48 h.'.length);
  });
});
