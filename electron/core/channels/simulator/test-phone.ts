import crypto from 'node:crypto';
import type SQLite from 'better-sqlite3';
import type { PhoneMessage } from '../../../../shared/domain/inbox';
import { prepareAccountWrites } from '../../accounts';
import type { Clock } from '../../ports';
import type { Pipeline } from '../../pipeline/create-pipeline';
import type { SimulatorChannel } from './simulator-channel';

/** A phone number typed by the seller → the JID WhatsApp would use for it. */
export const phoneToJid = (phone: string) => `${phone.replace(/\D/g, '')}@s.whatsapp.net`;

/**
 * The seller's test phone: a simulator account per shop where the seller types as a customer
 * and sees what the customer's phone would show, before linking WhatsApp.
 */
export function makeTestPhone(deps: { sqlite: SQLite.Database; pipeline: Pipeline; simulator: SimulatorChannel; clock: Clock }) {
  const { sqlite, pipeline, simulator, clock } = deps;
  const findAccount = sqlite.prepare<[number], { id: number }>(
    "SELECT id FROM accounts WHERE shop_id = ? AND channel = 'simulator' ORDER BY id LIMIT 1",
  );
  const accounts = prepareAccountWrites(sqlite);
  const inboundOf = sqlite.prepare<[number, string], { channel_message_id: string; text: string; created_at: string }>(
    `SELECT m.channel_message_id, m.text, m.created_at FROM messages m JOIN conversations c ON c.id = m.conversation_id
     JOIN contacts k ON k.id = c.contact_id WHERE c.account_id = ? AND k.jid = ? AND m.direction = 'in' ORDER BY m.id`,
  );

  function accountFor(shopId: number): number {
    const existing = findAccount.get(shopId);
    if (existing) return existing.id;
    const id = accounts.insert({
      shopId,
      channel: 'simulator',
      label: 'Test phone',
      phone: null,
      status: 'connected',
      now: clock.now().toISOString(),
    });
    pipeline.attachChannel(id, simulator.channel);
    return id;
  }

  return {
    accountFor,
    /** Attach the simulator to every test-phone account already in the store. */
    attachAll() {
      for (const { id } of sqlite.prepare<[], { id: number }>("SELECT id FROM accounts WHERE channel = 'simulator'").all()) {
        pipeline.attachChannel(id, simulator.channel);
      }
    },
    send(shopId: number, from: string, text: string, at: Date = clock.now()) {
      const accountId = accountFor(shopId);
      const result = pipeline.sink.accept({
        accountId,
        channelMessageId: `SIM${crypto.randomBytes(8).toString('hex').toUpperCase()}`,
        from: phoneToJid(from),
        fromName: null,
        kind: 'text',
        text,
        at: at.toISOString(),
      });
      return result;
    },
    /** The customer's side: what they typed, and one bubble per message id the shop sent. */
    thread(shopId: number, from: string): PhoneMessage[] {
      const accountId = accountFor(shopId);
      const jid = phoneToJid(from);
      const mine: PhoneMessage[] = inboundOf
        .all(accountId, jid)
        .map((m) => ({ id: m.channel_message_id, direction: 'out', text: m.text, at: m.created_at, status: 'sent' }));
      const theirs: PhoneMessage[] = simulator
        .customerView(jid)
        .filter((a) => a.accountId === accountId)
        .map((a) => ({
          id: a.id,
          direction: 'in',
          text: a.media ? `${a.text}\n[image: ${a.media.url}]` : a.text,
          at: a.at,
          status: 'received',
        }));
      return [...mine, ...theirs].sort((a, b) => a.at.localeCompare(b.at));
    },
  };
}
export type TestPhone = ReturnType<typeof makeTestPhone>;
