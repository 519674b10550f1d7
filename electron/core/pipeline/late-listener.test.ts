import { afterEach, describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/contract';
import type { Message, Shop } from '../../../shared/domain/schemas';
import { toMessage } from '../conversations';
import type { Core } from '../create-core';
import { call, makeTempCore } from '../test-utils/temp-core';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

const inbound = (accountId: number, id: string, text: string) => ({
  accountId,
  channelMessageId: id,
  from: '213550000001@s.whatsapp.net',
  kind: 'text' as const,
  text,
  at: new Date().toISOString(),
});

/**
 * A headless core (the sync service subscribed, no relay: the pipeline skips building events)
 * takes one message; then a listener subscribes, as the renderer's inbox does when the window
 * opens, and a second message arrives. Returns what that listener heard about the second one.
 */
async function lateListenerHears(plant?: (core: Core) => void) {
  const temp = await makeTempCore();
  cleanup = temp.cleanup;
  const { core } = temp;
  plant?.(core);
  const shop = await call<Shop>(core, 'shops/create', { name: 'Boutique', currency: 'DZD' });
  const accountId = core.ctx.testPhone.accountFor(shop.id);
  await core.ctx.pipeline.sink.accept(inbound(accountId, 'L-0', 'salam'));
  await core.ctx.pipeline.drain();
  const heard: EventMessage[] = [];
  core.bus.subscribe((event) => heard.push(event));
  const { messageId } = await core.ctx.pipeline.sink.accept(inbound(accountId, 'L-1', 'bghit sac'));
  await core.ctx.pipeline.drain();
  const stored = core.ctx.pipeline.store.message(messageId);
  const reply = heard.find((e) => e.name === 'messages/new' && (e.payload as Message).direction === 'out')?.payload as Message | undefined;
  const storedReply = reply && core.ctx.pipeline.store.message(reply.id);
  return { heard, messageId, stored: stored && toMessage(stored), storedReply: storedReply && toMessage(storedReply) };
}

/** What a listener must get for a customer message: the message as stored, its conversation, the reply and its status. */
function missingEvents({ heard, messageId, stored, storedReply }: Awaited<ReturnType<typeof lateListenerHears>>): string[] {
  const missing: string[] = [];
  const news = heard.filter((e) => e.name === 'messages/new').map((e) => e.payload as Message);
  const customer = news.find((m) => m.id === messageId);
  if (!customer) missing.push('messages/new of the customer message');
  else if (JSON.stringify(customer) !== JSON.stringify(stored)) missing.push('messages/new equal to the stored row');
  const reply = news.find((m) => m.direction === 'out');
  if (!reply) missing.push('messages/new of the reply');
  // Built from the committed values, not read back: the row as stored, with the status it had then (queued; sent since).
  else if (JSON.stringify(reply) !== JSON.stringify({ ...storedReply, status: 'queued' }))
    missing.push('messages/new of the reply equal to the stored row');
  if (!heard.some((e) => e.name === 'conversations/updated')) missing.push('conversations/updated');
  if (!heard.some((e) => e.name === 'messages/status')) missing.push('messages/status of the reply');
  return missing;
}

describe('events to a listener that subscribes after the core started headless', () => {
  it('reach it, the customer message event equal to the row read back', async () => {
    const result = await lateListenerHears();
    expect(result.stored).toBeDefined();
    expect(missingEvents(result)).toEqual([]);
  });

  it('a bus that skips building events with a listener present is caught (planted bug)', async () => {
    const result = await lateListenerHears((core) => {
      // The bug the interest filter risks: the pipeline believes nobody listens.
      core.bus.hasListeners = () => false;
    });
    expect(missingEvents(result)).toEqual([
      'messages/new of the customer message',
      'messages/new of the reply',
      'conversations/updated',
      'messages/status of the reply',
    ]);
  });
});
