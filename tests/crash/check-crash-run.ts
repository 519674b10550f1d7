import path from 'node:path';
import SQLite from 'better-sqlite3';
import { readRawLog } from '../../electron/core/channels/simulator/simulator-channel';
import { readAcked } from './crash-stream';

/** What a crash run got wrong. Every list empty and nothing pending = the lifecycle held. */
export interface CrashReport {
  /** Acknowledged to the channel as stored, but not in the database. */
  lost: string[];
  /** Stored customer messages no sent reply answers (all are answerable: AI on, nobody blocked). */
  unanswered: string[];
  /** Customer messages answered by two different replies the customer saw. */
  answeredTwice: string[];
  /** Sent to the customer, but no reply row in the database has that id. */
  strays: string[];
  /** Turns or sends still waiting. */
  pending: number;
  acked: number;
  stored: number;
  attempts: number;
  customerBubbles: number;
}

/**
 * Judges a crash run from what is on disk: the channel's acknowledgements, the database, and the
 * simulator's raw send log (every attempt, including in-doubt re-sends). Duplicates are two
 * customer-visible replies (two ids) answering the same inbound message — not equal texts.
 */
export function checkCrashRun(dataDir: string): CrashReport {
  const acked = readAcked(dataDir);
  const db = new SQLite(path.join(dataDir, 'souqbot.sqlite'), { readonly: true });
  try {
    const inbound = db.prepare("SELECT id, channel_message_id AS channelId FROM messages WHERE direction = 'in'").all() as {
      id: number;
      channelId: string;
    }[];
    const outbound = db.prepare("SELECT channel_message_id AS channelId, meta, status FROM messages WHERE direction = 'out'").all() as {
      channelId: string;
      meta: string | null;
      status: string;
    }[];
    const pending = (
      db
        .prepare("SELECT (SELECT count(*) FROM messages WHERE turn_state = 1) + (SELECT count(*) FROM outbox WHERE state = 'queued') AS n")
        .get() as { n: number }
    ).n;

    const storedIds = new Set(inbound.map((m) => m.channelId));
    const lost = [...acked].filter((id) => !storedIds.has(id));
    const repliesTo = new Map(outbound.map((o) => [o.channelId, (JSON.parse(o.meta ?? '{}') as { inReplyTo?: number[] }).inReplyTo ?? []]));
    const sentStatuses = new Set(['sent', 'delivered', 'read']);
    const answered = new Set(outbound.filter((o) => sentStatuses.has(o.status)).flatMap((o) => repliesTo.get(o.channelId) ?? []));
    const unanswered = inbound.filter((m) => !answered.has(m.id)).map((m) => m.channelId);

    const attempts = readRawLog(path.join(dataDir, 'simulator', 'raw-send-log.jsonl'));
    const bubbles = new Set(attempts.map((a) => a.id));
    const strays = [...bubbles].filter((id) => !repliesTo.has(id));
    const bubblesPerInbound = new Map<number, Set<string>>();
    for (const bubble of bubbles) {
      for (const inboundId of repliesTo.get(bubble) ?? []) {
        const set = bubblesPerInbound.get(inboundId) ?? new Set<string>();
        set.add(bubble);
        bubblesPerInbound.set(inboundId, set);
      }
    }
    const byId = new Map(inbound.map((m) => [m.id, m.channelId]));
    const answeredTwice = [...bubblesPerInbound].filter(([, set]) => set.size > 1).map(([id]) => byId.get(id) ?? String(id));
    return {
      lost,
      unanswered,
      answeredTwice,
      strays,
      pending,
      acked: acked.size,
      stored: inbound.length,
      attempts: attempts.length,
      customerBubbles: bubbles.size,
    };
  } finally {
    db.close();
  }
}
