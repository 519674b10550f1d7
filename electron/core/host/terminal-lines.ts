import type { EventMessage } from '../../../shared/contract';
import type { AccountStatus } from '../../../shared/domain/schemas';
import type { Logger } from '../ports';

/**
 * What the seller sees in the terminal of `npm run start:web`: one plain line per change that
 * matters (a number connecting, connected, logged out; the disk full and back), never Baileys'
 * protocol chatter or JSON. Everything is still written, in full, to the rolling log file.
 */

const STATUS_WORDS: Record<AccountStatus, string> = {
  connecting: 'connecting…',
  qr_ready: 'waiting for the QR code to be scanned (Connect page)',
  connected: 'connected, the bot answers on it',
  disconnected: 'disconnected',
  logged_out: 'logged out on the phone — link it again on the Connect page',
  banned: 'blocked by WhatsApp — see the Connect page',
  error: 'could not connect — see the Connect page',
};

export interface TerminalLinesDeps {
  /** Prints one line (the terminal of `npm start` / the headless server). */
  write(line: string): void;
  /** Time printed at the start of each line. */
  now(): Date;
  /** Where the full log is, named in error lines. */
  logHint: string;
  /** A number's name for the seller ("Boutique (+213 550…)"); falls back to its id. */
  describeAccount(accountId: number): Promise<string | null>;
  /** The same error text is printed at most once in this many ms (a failing timer repeats it). */
  repeatMs?: number;
}

const hhmm = (d: Date) => d.toTimeString().slice(0, 8);

/** `msg` of a Baileys line (see whatsapp/baileys-logger.ts): protocol noise, kept for the file only. */
const fromBaileys = (obj: object) => (obj as { baileys?: unknown }).baileys === true;

export function makeTerminalLines(deps: TerminalLinesDeps) {
  const repeatMs = deps.repeatMs ?? 60_000;
  const lastStatus = new Map<number, AccountStatus>();
  const lastError = new Map<string, number>();
  let storage = 'ok';
  const say = (text: string) => deps.write(`${hhmm(deps.now())}  ${text}`);

  const error = (obj: object, msg?: string) => {
    if (fromBaileys(obj) || !msg) return;
    const at = deps.now().getTime();
    const before = lastError.get(msg);
    if (before !== undefined && at - before < repeatMs) return;
    lastError.set(msg, at);
    say(`Problem: ${msg} (details in ${deps.logHint})`);
  };

  /** A logger for core's terminal: only its errors, one line each; the rest goes to the file logger. */
  const logger: Logger = { debug() {}, info() {}, warn() {}, error };

  return {
    logger,
    /** Feed every core event (bus.subscribe); state changes become lines. */
    async onEvent(event: EventMessage): Promise<void> {
      if (event.name === 'accounts/status') {
        const { accountId, status } = event.payload as { accountId: number; status: AccountStatus };
        if (lastStatus.get(accountId) === status) return;
        lastStatus.set(accountId, status);
        const name = (await deps.describeAccount(accountId).catch(() => null)) ?? `number ${accountId}`;
        say(`WhatsApp ${name}: ${STATUS_WORDS[status]}`);
      } else if (event.name === 'system/storage') {
        const { state } = event.payload as { state: string };
        if (state === storage) return;
        storage = state;
        say(
          state === 'disk_full'
            ? 'The disk is full: Souqbot keeps new messages safe and waits. Free some space; it resumes by itself.'
            : 'The disk has space again: Souqbot stores and answers messages again.',
        );
      }
    },
  };
}
