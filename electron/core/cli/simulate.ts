import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { z } from 'zod';
import { createCore } from '../create-core';
import type { Database } from '../database';
import type { Logger } from '../ports';
import { phoneToJid } from '../channels';
import { defaultPacing, defaultRateLimits } from '../pipeline';
import { option } from '../host';
import { typedStatements } from '../store';
import { type CliIo, UsageError } from './io';
import { makeVirtualClock } from './virtual-clock';
import { formatSummary, importCatalogFile } from './import-catalog';
import { loadSettingsFile } from './settings-file';

const InputLine = z
  .object({
    from: z.string().regex(/^\+?\d{6,15}$/, 'from must be a phone number such as +213550000001'),
    text: z.string().min(1, 'text is empty').max(4096),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

interface OutMeta {
  inReplyTo?: number[];
  language?: string;
  intent?: string;
  salesAction?: string;
  orderAction?: string;
  escalate?: boolean;
  skus?: string[];
  followUp?: boolean;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * `simulate`: JSON lines of customer messages on stdin, through the real pipeline and the
 * simulator channel on a virtual clock; one JSON line per bot message on stdout.
 */
export async function simulateCommand(argv: readonly string[], io: CliIo, stdin: NodeJS.ReadableStream, logger: Logger): Promise<number> {
  const catalog = option(argv, 'catalog');
  const settingsFile = option(argv, 'settings');
  const given = option(argv, 'data-dir');
  const dataDir = given ? path.resolve(given) : fs.mkdtempSync(path.join(os.tmpdir(), 'souqbot-sim-'));
  if (catalog && !fs.existsSync(catalog)) throw new UsageError(`Catalog file not found: ${catalog}`);
  let settingsPatch: ReturnType<typeof loadSettingsFile> | null;
  try {
    settingsPatch = settingsFile ? loadSettingsFile(path.resolve(settingsFile)) : null;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }

  const t0 = Date.now();
  const virtual = makeVirtualClock(t0);
  const core = await createCore({
    dataDir,
    clock: virtual.clock,
    logger,
    paused: true,
    // Limits stay on (floods, 24 h window) without real-time gaps; typing takes no time.
    rateLimits: { ...defaultRateLimits, minGapMs: 0, jitterMs: 0 },
    pacing: { ...defaultPacing, minTypingMs: 0, maxTypingMs: 0 },
    simulator: { receipts: false },
  });
  try {
    const shops = await core.ctx.repos.shops.list();
    const shop =
      shops[0] ?? (await core.ctx.repos.shops.create({ name: 'Simulated shop', currency: 'DZD', now: virtual.clock.now().toISOString() }));
    if (settingsPatch) {
      // Through the contract: the API key goes to the secret store, never into the settings row.
      const saved = await core.app.dispatch('settings/update', { shopId: shop.id, patch: settingsPatch });
      if (!saved.ok) throw new UsageError(`Settings: ${saved.error.message}`);
    }
    if (catalog) {
      const summary = importCatalogFile(core, shop.id, path.resolve(catalog), { clock: virtual.clock });
      for (const line of formatSummary(summary, path.basename(catalog))) io.stderr(line);
    }

    const lineOfMessage = new Map<number, number>();
    const numberOfJid = new Map<string, string>();
    const statements = typedStatements<Database>(core.ctx.store.sqlite);
    const seen = statements
      .prepare((db) =>
        db
          .selectFrom('messages')
          .select((eb) => eb.fn.max<number | null>('id').as('m'))
          .where('direction', '=', 'out'),
      )
      .get();
    let lastOut = seen?.m ?? 0;
    const newReplies = statements.prepare((db, p: { after: number }) =>
      db
        .selectFrom('messages as m')
        .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
        .innerJoin('contacts as k', 'k.id', 'c.contact_id')
        .select(['m.id', 'm.text', 'm.meta', 'k.jid'])
        .where('m.direction', '=', 'out')
        .where('m.author', '=', 'bot')
        .where('m.id', '>', p.after)
        .where('m.status', 'in', ['sent', 'delivered', 'read'])
        .orderBy('m.id'),
    );

    const print = () => {
      for (const row of newReplies.all({ after: lastOut })) {
        lastOut = Math.max(lastOut, row.id);
        const meta = (row.meta ? JSON.parse(row.meta) : {}) as OutMeta;
        const answered = meta.inReplyTo?.at(-1);
        io.stdout(
          JSON.stringify({
            in: answered !== undefined ? (lineOfMessage.get(answered) ?? null) : null,
            to: numberOfJid.get(row.jid) ?? `+${row.jid.split('@')[0]}`,
            reply: row.text,
            language: meta.language ?? null,
            intent: meta.intent ?? null,
            salesAction: meta.salesAction ?? 'none',
            orderAction: meta.orderAction ?? 'none',
            escalate: meta.escalate ?? false,
            skus: (meta.skus ?? []).slice(0, 3),
            // A message the bot started (an abandoned-cart follow-up) answers no input line.
            ...(meta.followUp ? { followUp: true } : {}),
          }),
        );
      }
    };
    const scheduler = core.learning.scheduler;
    /** Moves the virtual clock to `until`; one-shot jobs due on the way (follow-ups) run at their
     * own time, in order; recurring ones (indexing, analysis) run at each stop. */
    const flush = async (until: number) => {
      for (let guard = 0; guard < 10_000; guard++) {
        const next = scheduler.nextDueAt(true);
        if (next === null || next > until) break;
        virtual.set(next);
        await core.ctx.pipeline.drain();
        await scheduler.runDue();
        await core.ctx.pipeline.drain();
        print();
      }
      virtual.set(until);
      await core.ctx.pipeline.drain();
      await scheduler.runDue();
      await core.ctx.pipeline.drain();
      print();
    };

    let index = -1;
    const rl = readline.createInterface({ input: stdin, crlfDelay: Infinity });
    for await (const raw of rl) {
      index += 1;
      const line = raw.trim();
      if (!line) continue;
      let parsed: z.infer<typeof InputLine>;
      try {
        parsed = InputLine.parse(JSON.parse(line));
      } catch (err) {
        const message =
          err instanceof z.ZodError ? err.issues.map((i) => `${i.path.join('.') || 'line'}: ${i.message}`).join('; ') : 'not valid JSON';
        io.stderr(JSON.stringify({ error: message, line: index }));
        continue;
      }
      const at = parsed.at ? Date.parse(parsed.at) : t0 + index * MINUTE;
      // Everything due before this customer message happens first, as it would live.
      await flush(at);
      numberOfJid.set(phoneToJid(parsed.from), parsed.from.startsWith('+') ? parsed.from : `+${parsed.from}`);
      const { messageId } = core.ctx.testPhone.send(shop.id, parsed.from, parsed.text, new Date(at));
      lineOfMessage.set(messageId, index);
    }
    // Let debounce windows close and every queued reply go out, then what the bot would still
    // start on its own (follow-ups, inside WhatsApp's 24 h window), before exiting.
    await flush(virtual.get() + MINUTE);
    await flush(virtual.get() + DAY);
    return 0;
  } finally {
    await core.close();
  }
}
