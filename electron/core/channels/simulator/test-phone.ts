import crypto from 'node:crypto';
import type { PhoneMessage } from '../../../../shared/domain/inbox';
import type { Clock } from '../../ports';
import type { Channel, ChannelSink } from '../types';
import type { SimulatorChannel } from './simulator-channel';
import type { TestPhoneRepo } from './test-phone-repo';

/** A phone number typed by the seller → the JID WhatsApp would use for it. */
export const phoneToJid = (phone: string) => `${phone.replace(/\D/g, '')}@s.whatsapp.net`;

/**
 * The seller's test phone: a simulator account per shop where the seller types as a customer
 * and sees what the customer's phone would show, before linking WhatsApp.
 */
export interface TestPhoneDeps {
  repo: TestPhoneRepo;
  /** Where the seller's typed messages enter, as any channel's do. */
  sink: ChannelSink;
  /** Tells the pipeline the simulator sends for a test-phone account (as the WhatsApp manager does). */
  attachChannel(accountId: number, channel: Channel): void;
  simulator: SimulatorChannel;
  clock: Clock;
}

export function makeTestPhone(deps: TestPhoneDeps) {
  const { repo, sink, attachChannel, simulator, clock } = deps;

  function accountFor(shopId: number): number {
    const existing = repo.accountOf(shopId);
    if (existing !== undefined) return existing;
    const id = repo.createAccount(shopId, clock.now().toISOString());
    attachChannel(id, simulator.channel);
    return id;
  }

  return {
    accountFor,
    /** Attach the simulator to every test-phone account already in the store. */
    attachAll() {
      for (const id of repo.allAccounts()) attachChannel(id, simulator.channel);
    },
    send(shopId: number, from: string, text: string, at: Date = clock.now()) {
      const accountId = accountFor(shopId);
      // The seller types one message at a time and the page wants its id now: a commit of its own.
      const result = sink.acceptNow({
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
      const mine: PhoneMessage[] = repo
        .inboundOf(accountId, jid)
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
