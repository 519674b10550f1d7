import fs from 'node:fs';
import path from 'node:path';
import type { OutgoingMedia } from '../../../../shared/domain/brain';
import type { Clock } from '../../ports';
import { type Channel, ChannelSendError, type ChannelSink, type OutboundMessage } from '../types';

export interface RawSendAttempt {
  at: string;
  accountId: number;
  to: string;
  id: string;
  text: string;
  media: OutgoingMedia | null;
}

export interface SimulatorOptions {
  /** Append-only log of every send attempt, one JSON line each. */
  rawLogPath: string;
  clock: Clock;
  /** fsync after each append (default true). Off only in benchmarks that measure the pipeline. */
  fsync?: boolean;
  /** Report delivered/read receipts back, as a customer's phone would. */
  receipts?: { sink: () => ChannelSink | null };
  /** Test hook: throw on a send to simulate network trouble. */
  failNext?: () => ChannelSendError | null;
  /** Customer views kept in memory, most recently read first (default 32); the others are read from the log again. */
  maxViews?: number;
}

/**
 * Behaves like WhatsApp from the pipeline's side (ids, statuses, media placeholders) and like
 * a customer's phone on the other: it keeps a raw log of every send attempt and a customer
 * view showing one message per id — a repeated id is the same message, as on WhatsApp.
 */
export function makeSimulatorChannel(opts: SimulatorOptions) {
  fs.mkdirSync(path.dirname(opts.rawLogPath), { recursive: true });
  const fd = fs.openSync(opts.rawLogPath, 'a');
  const fsync = opts.fsync ?? true;
  let closed = false;
  // Customer views (per `to`: the first attempt of each id, in first-seen order) are built from the
  // log when read and only the most recently read are kept: every send stays in the log, and holding
  // them all grew the heap by each reply for as long as core ran (and made each start read the log).
  const maxViews = opts.maxViews ?? 32;
  const views = new Map<string, Map<string, RawSendAttempt>>();
  const add = (view: Map<string, RawSendAttempt>, a: RawSendAttempt) => {
    if (!view.has(a.id)) view.set(a.id, a);
  };
  const viewOf = (to: string): Map<string, RawSendAttempt> => {
    let view = views.get(to);
    if (view) {
      views.delete(to); // re-inserted below: Map order is the LRU order
    } else {
      view = new Map();
      for (const attempt of readRawLog(opts.rawLogPath)) if (attempt.to === to) add(view, attempt);
    }
    views.set(to, view);
    if (views.size > maxViews) views.delete(views.keys().next().value as string);
    return view;
  };

  const channel: Channel = {
    kind: 'simulator',
    async send(message: OutboundMessage) {
      if (closed) throw new ChannelSendError('The simulator is closed', true);
      const failure = opts.failNext?.();
      if (failure) throw failure;
      const attempt: RawSendAttempt = {
        at: opts.clock.now().toISOString(),
        accountId: message.accountId,
        to: message.to,
        id: message.channelMessageId,
        text: message.text,
        media: message.media ?? null,
      };
      fs.writeSync(fd, `${JSON.stringify(attempt)}\n`);
      if (fsync) fs.fsyncSync(fd);
      const view = views.get(attempt.to);
      if (view) add(view, attempt);
      const sink = opts.receipts?.sink();
      if (sink) {
        setImmediate(() => {
          if (closed) return; // the core shut down before the customer's phone answered
          sink.status(message.accountId, message.channelMessageId, 'delivered');
          sink.status(message.accountId, message.channelMessageId, 'read');
        });
      }
    },
    async typing() {},
    async markRead() {},
  };

  return {
    channel,
    /** What the customer's phone shows from the shop: one bubble per message id. */
    customerView(to: string): RawSendAttempt[] {
      return [...viewOf(to).values()];
    },
    /** How many customer views are in memory (at most `maxViews`). */
    cachedViews: () => views.size,
    close() {
      if (closed) return;
      closed = true;
      fs.closeSync(fd);
    },
  };
}
export type SimulatorChannel = ReturnType<typeof makeSimulatorChannel>;

/** Every attempt in the raw log; a torn last line (killed mid-write) is skipped. */
export function readRawLog(file: string): RawSendAttempt[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: RawSendAttempt[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    try {
      out.push(JSON.parse(line) as RawSendAttempt);
    } catch {
      // a partial final line from a kill mid-append
    }
  }
  return out;
}

export { ChannelSendError };
