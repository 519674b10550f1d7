import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../database';
import { makePipelineStore } from './pipeline-store';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function store() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-pipeline-store-'));
  dirs.push(dir);
  const db = await openDatabase({ file: path.join(dir, 'db.sqlite') });
  const now = '2026-12-01T10:00:00.000Z';
  db.sqlite.prepare("INSERT INTO shops (name, currency, created_at) VALUES ('S', 'DZD', ?)").run(now);
  db.sqlite
    .prepare("INSERT INTO accounts (shop_id, channel, label, status, created_at) VALUES (1, 'simulator', 'a', 'connected', ?)")
    .run(now);
  return { sqlite: db.sqlite, pipeline: makePipelineStore(db.sqlite), close: () => db.close() };
}

const inbound = (id: string, at: string, extra: { contextOnly?: boolean } = {}) => ({
  accountId: 1,
  channelMessageId: id,
  from: '213555000111@s.whatsapp.net',
  kind: 'text' as const,
  text: `message ${id}`,
  at,
  ...extra,
});

describe('pipeline store accept: a known conversation is updated in place', () => {
  it('keeps one conversation per contact, moves its activity, counts unread, and reopens a resolved one', async () => {
    const { sqlite, pipeline, close } = await store();
    const conversation = () =>
      sqlite
        .prepare(
          'SELECT count(*) AS n, min(id) AS id, status, unread, last_message_at AS lastAt, last_preview AS preview FROM conversations',
        )
        .get() as {
        n: number;
        id: number;
        status: string;
        unread: number;
        lastAt: string;
        preview: string;
      };
    const first = pipeline.accept(inbound('A1', '2026-12-01T10:00:01.000Z'), '2026-12-01T10:00:01.000Z');
    expect(conversation()).toMatchObject({ n: 1, status: 'open', unread: 1, lastAt: '2026-12-01T10:00:01.000Z' });

    sqlite.prepare("UPDATE conversations SET status = 'resolved', unread = 0").run();
    const second = pipeline.accept(inbound('A2', '2026-12-01T10:05:00.000Z'), '2026-12-01T10:05:00.000Z');
    expect(second.conversationId).toBe(first.conversationId);
    expect(conversation()).toMatchObject({ n: 1, status: 'open', unread: 1, lastAt: '2026-12-01T10:05:00.000Z', preview: 'message A2' });

    // A context-only message (history the phone synced) moves the activity but is not unread.
    pipeline.accept(inbound('A3', '2026-12-01T10:06:00.000Z', { contextOnly: true }), '2026-12-01T10:06:00.000Z');
    expect(conversation()).toMatchObject({ n: 1, unread: 1, lastAt: '2026-12-01T10:06:00.000Z' });
    // The status counts the inbox reads follow the reopen (their trigger fires on the in-place update).
    expect(sqlite.prepare("SELECT n FROM conversation_counts WHERE status = 'open'").get()).toEqual({ n: 1 });
    expect(sqlite.prepare("SELECT n FROM conversation_counts WHERE status = 'resolved'").get()).toEqual({ n: 0 });
    await close();
  });
});
