import { notifierNotice } from '../../../shared/domain/notices';
import type { StorageState } from '../../../shared/domain/storage';
import type { NormalizedInbound } from '../channels';
import type { Clock, Logger, Notifier } from '../ports';
import type { IntakeJournal } from './intake-journal';

/** SQLite or the OS said the disk is full or failing: the write may succeed later, nothing is wrong with the data. */
export function isDiskFault(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR') || code === 'ENOSPC' || code === 'EDQUOT');
}

/** A held message read back from the journal: only what NormalizedInbound needs, checked. */
export function parseHeldMessage(value: unknown): NormalizedInbound | null {
  if (typeof value !== 'object' || value === null) return null;
  const m = value as Record<string, unknown>;
  const ok =
    typeof m.accountId === 'number' &&
    typeof m.channelMessageId === 'string' &&
    typeof m.from === 'string' &&
    typeof m.kind === 'string' &&
    typeof m.text === 'string' &&
    typeof m.at === 'string';
  return ok ? (m as unknown as NormalizedInbound) : null;
}

/** Thrown to a channel for a message core could not store yet: it holds it and stores it when space returns. */
export class IntakePausedError extends Error {
  constructor() {
    super('The disk is full: Souqbot holds this message and stores it as soon as there is space again.');
    this.name = 'IntakePausedError';
  }
}

export interface IntakeGuardDeps {
  /** Time for the held messages' order and the retry timer. */
  clock: Clock;
  /** Core's logger: pause and resume. */
  logger: Logger;
  /** Tells the seller the disk is full (and nothing is lost). */
  notifier: Notifier;
  /** Storage state changes: the UI's status bar follows them. */
  onChange(state: StorageState): void;
  /** Stores one held message (the pipeline's accept); throws while the disk is still full. */
  store(message: NormalizedInbound): void;
  /** A cheap write that fails while the disk is full (used when no message is held). */
  probe(): void;
  /** Everything else that stopped (queued turns, the outbox) starts again. */
  resumeWork(): void;
  /** How often to try again while paused. */
  retryMs?: number;
  /** Messages held in memory at most (the oldest are kept: the newest the sender's phone still has). */
  maxHeld?: number;
  /**
   * Where held messages are written durably before the channel is answered, so a kill while the
   * disk is full loses none (WhatsApp already got its receipt from Baileys). Absent: memory only.
   */
  journal?: IntakeJournal<NormalizedInbound>;
}

/**
 * A full disk must not kill the server nor drop a customer's message. On the first disk fault,
 * intake pauses: the seller is told (status bar, notification), messages that could not be stored
 * are held in memory, and every few seconds a write is tried again; when it succeeds the held
 * messages are stored in order and the pipeline resumes by itself.
 */
export function makeIntakeGuard(deps: IntakeGuardDeps) {
  const retryMs = deps.retryMs ?? 5_000;
  const maxHeld = deps.maxHeld ?? 10_000;
  const held: NormalizedInbound[] = [];
  let since: string | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const state = (): StorageState => ({ state: since ? 'disk_full' : 'ok', since, held: held.length });
  const arm = () => {
    if (timer || stopped) return;
    timer = setTimeout(() => {
      timer = null;
      tryResume();
    }, retryMs);
    timer.unref();
  };

  function fault(err: unknown): void {
    if (!since) {
      since = deps.clock.now().toISOString();
      deps.logger.error({ err: err instanceof Error ? err.message : String(err) }, 'disk full or failing: intake paused');
      deps.notifier.notify(notifierNotice('disk_full'));
    }
    deps.onChange(state());
    arm();
  }

  /** Stores the held messages in order; false while the disk still refuses. */
  function storeHeld(): boolean {
    while (held.length > 0) {
      const message = held[0]!;
      try {
        deps.store(message);
      } catch (err) {
        if (isDiskFault(err)) return false;
        // Not a disk problem: this one can never be stored (its account is gone…), and keeping it
        // first in line would pause intake for ever, across restarts too (it is journalled).
        deps.logger.error(
          { err: err instanceof Error ? err.message : String(err), id: message.channelMessageId },
          'a held message could not be stored',
        );
      }
      held.shift();
    }
    return true;
  }

  function tryResume(): void {
    if (!since || stopped) return;
    try {
      if (held.length === 0) deps.probe();
    } catch (err) {
      if (!isDiskFault(err)) deps.logger.error({ err }, 'disk probe failed');
      deps.onChange(state());
      arm();
      return;
    }
    if (!storeHeld()) {
      deps.onChange(state());
      arm();
      return;
    }
    // Everything held is in the store now; a kill from here on replays nothing twice (and a
    // replayed duplicate would be refused by its channel id anyway).
    try {
      deps.journal?.clear();
    } catch (err) {
      deps.logger.warn({ err: String(err) }, 'could not clear the held-messages journal');
    }
    deps.logger.info({ pausedSince: since }, 'disk has space again: intake resumed');
    since = null;
    deps.onChange(state());
    deps.resumeWork();
  }

  const isHeld = (message: NormalizedInbound) =>
    held.some((m) => m.accountId === message.accountId && m.channelMessageId === message.channelMessageId);

  return {
    state,
    get paused() {
      return since !== null;
    },
    /** A write failed; true when it was a disk fault (and is now handled), false for any other error. */
    report(err: unknown): boolean {
      if (!isDiskFault(err)) return false;
      fault(err);
      return true;
    },
    /** Keeps a message that could not be stored, to store it once the disk allows. */
    hold(message: NormalizedInbound, err: unknown): void {
      if (held.length < maxHeld && !isHeld(message)) {
        try {
          deps.journal?.append(message);
        } catch (journalErr) {
          // Even the reserve is used up: the message lives in memory only until space returns.
          deps.logger.error(
            { err: journalErr instanceof Error ? journalErr.message : String(journalErr), id: message.channelMessageId },
            'held message could not be journalled',
          );
        }
        held.push(message);
      }
      fault(err);
    },
    /**
     * On start: what a previous run held (journalled) is stored first, before any new arrival,
     * and the journal is cleared; if the disk still refuses, intake starts paused with them held.
     */
    restore(): number {
      const pending = deps.journal?.pending() ?? [];
      if (pending.length === 0) {
        deps.journal?.ensureReserve();
        return 0;
      }
      for (const message of pending) if (!isHeld(message)) held.push(message);
      deps.logger.warn({ held: held.length }, 'storing messages held by the previous run');
      if (storeHeld()) {
        deps.journal?.clear();
        deps.onChange(state());
      } else {
        fault(new Error('the messages held by the previous run cannot be stored yet'));
      }
      return pending.length;
    },
    /** Try now (tests, and when the seller says space was freed). */
    retryNow: tryResume,
    stop(): void {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
export type IntakeGuard = ReturnType<typeof makeIntakeGuard>;
