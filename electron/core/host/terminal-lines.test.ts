import { describe, expect, it } from 'vitest';
import type { EventMessage } from '../../../shared/contract';
import { toBaileysLogger } from '../channels/whatsapp/baileys-logger';
import { makeTerminalLines } from './terminal-lines';

const status = (accountId: number, s: string) =>
  ({ name: 'accounts/status', payload: { shopId: 1, accountId, status: s, detail: null } }) as EventMessage;

describe("the seller's terminal (npm run start:web)", () => {
  it('one plain line per state change; Baileys chatter and repeats stay out', async () => {
    const lines: string[] = [];
    const start = Date.parse('2026-12-01T14:00:00Z');
    let t = start;
    // Local time, as the seller's clock shows it.
    const at = (ms: number) => new Date(ms).toTimeString().slice(0, 8);
    const terminal = makeTerminalLines({
      write: (l) => lines.push(l),
      now: () => new Date(t),
      logHint: '/data/logs',
      describeAccount: (id) => Promise.resolve(id === 3 ? 'Boutique (+213550000020)' : null),
    });
    // What Baileys logs through our adapter on a normal start (rc14 warns about its sync settings).
    const baileys = toBaileysLogger(terminal.logger, { accountId: 3 }, 'warn');
    baileys.warn({ node: { tag: 'iq' } }, 'DANGER: DISABLING ALL SYNC');
    baileys.error({ error: 'Bad MAC' }, 'error in handling message');
    baileys.info({ x: 1 }, 'connected to WA');
    terminal.logger.info({ port: 4417 }, 'core ready');
    terminal.logger.warn({ id: 'X' }, 'media download failed');

    await terminal.onEvent(status(3, 'connecting'));
    await terminal.onEvent(status(3, 'connecting'));
    await terminal.onEvent(status(3, 'connected'));
    await terminal.onEvent(status(7, 'logged_out'));
    await terminal.onEvent({ name: 'messages/new', payload: {} } as EventMessage);
    await terminal.onEvent({ name: 'system/storage', payload: { state: 'disk_full', since: 'x', held: 2 } } as EventMessage);
    await terminal.onEvent({ name: 'system/storage', payload: { state: 'disk_full', since: 'x', held: 3 } } as EventMessage);
    await terminal.onEvent({ name: 'system/storage', payload: { state: 'ok', since: null, held: 0 } } as EventMessage);
    terminal.logger.error({ err: 'x' }, 'search index batch failed');
    t += 1_000;
    terminal.logger.error({ err: 'x' }, 'search index batch failed');
    t += 61_000;
    terminal.logger.error({ err: 'x' }, 'search index batch failed');

    expect(lines).toEqual([
      `${at(start)}  WhatsApp Boutique (+213550000020): connecting…`,
      `${at(start)}  WhatsApp Boutique (+213550000020): connected, the bot answers on it`,
      `${at(start)}  WhatsApp number 7: logged out on the phone — link it again on the Connect page`,
      `${at(start)}  The disk is full: Souqbot keeps new messages safe and waits. Free some space; it resumes by itself.`,
      `${at(start)}  The disk has space again: Souqbot stores and answers messages again.`,
      `${at(start)}  Problem: search index batch failed (details in /data/logs)`,
      `${at(start + 62_000)}  Problem: search index batch failed (details in /data/logs)`,
    ]);
    expect(lines.join('\n')).not.toMatch(/[{}]|DANGER|Bad MAC/);
  });
});
