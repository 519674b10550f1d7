import { isLidUser, jidNormalizedUser, type WAMessage } from '@whiskeysockets/baileys';
import type { Logger } from '../../ports';
import type { AcceptAck, ChannelSink, NormalizedInbound } from '../types';
import { type MediaRef, normalizeWaMessage, type WaInbound } from './normalize';
import type { WaRepo } from './wa-repo';

/** Shown in the inbox in place of a message this computer could not decrypt. */
const UNDECRYPTABLE_TEXT = '⚠️ This message could not be decrypted here. Read it on the phone.';

export interface InboundDeps {
  /** The `accounts` row the messages arrived on. */
  accountId: number;
  /** The pipeline's ChannelSink: accept, status, own-message echoes. */
  sink: ChannelSink;
  /** The channel's tables: the answering policy and contacts. */
  repo: WaRepo;
  /** Core's logger: skipped and undecryptable messages. */
  logger: Logger;
  /** Stands in for a message's own timestamp when it has none. */
  now: () => Date;
  /** A phone-number JID for a sender (LID mapped through Baileys' store), or the JID as given. */
  resolveJid(jid: string, alt: string | null): Promise<string>;
  /** Downloads and stores an attachment (within the size limit); null when it could not be saved. */
  saveMedia(msg: WAMessage, ref: MediaRef): Promise<string | null>;
  /** A message could not be decrypted: counted, and the seller is told past the threshold. */
  onDecryptFailure(reason: string): void;
  /** Latest time (unix s) the seller wrote from the phone, per customer JID; lives as long as the session. */
  sellerActivity: Map<string, number>;
}

type Upsert = { messages: WAMessage[]; type: 'notify' | 'append' };

const iso = (seconds: number, fallback: Date): string => (seconds > 0 ? new Date(seconds * 1000) : fallback).toISOString();

/** The phone JID of a 1:1 sender; LIDs go through the mapping. Device suffixes are dropped. */
export async function resolveSender(jid: string, alt: string | null, lookup: (lid: string) => Promise<string | null>): Promise<string> {
  const user = jidNormalizedUser(jid);
  if (!isLidUser(user)) return user;
  if (alt && !isLidUser(alt)) return jidNormalizedUser(alt);
  const pn = await lookup(user).catch(() => null);
  return pn ? jidNormalizedUser(pn) : user;
}

/** Whether the seller's answering policy lets the bot see this sender at all. */
function allowedByPolicy(repo: WaRepo, accountId: number, item: { isGroup: boolean; chatJid: string; senderJid: string }): boolean {
  const policy = repo.policy(accountId);
  if (item.isGroup) return policy.groups.includes(item.chatJid);
  if (policy.mode === 'everyone') return true;
  if (repo.isExcluded(accountId, item.senderJid)) return false;
  if (policy.mode === 'new_only' && repo.isSavedContact(accountId, item.senderJid)) return false;
  return true;
}

/**
 * Catch-up rule: a message delivered on reconnect (`append`) or an old one is context only when
 * the seller already wrote in that chat after it, or it is older than the account's setting.
 */
function isStaleCatchUp(opts: {
  type: 'notify' | 'append';
  sentAt: number;
  nowMs: number;
  maxHours: number;
  sellerWroteAt: number | undefined;
}): boolean {
  // Only on catch-up: live timestamps mix the server's clock with ours, and a skewed local clock
  // must never silence a customer who writes right after the bot.
  if (opts.type === 'append' && opts.sellerWroteAt !== undefined && opts.sellerWroteAt >= opts.sentAt) return true;
  const ageMs = opts.nowMs - opts.sentAt * 1000;
  return opts.sentAt > 0 && ageMs > opts.maxHours * 3_600_000;
}

async function withSender<T extends Extract<WaInbound, { senderJid: string }>>(item: T, deps: InboundDeps): Promise<T & { from: string }> {
  const sender = await deps.resolveJid(item.senderJid, item.senderAltJid);
  const chat = item.isGroup ? item.chatJid : sender;
  return Object.assign({}, item, { senderJid: sender, chatJid: chat, from: chat });
}

/**
 * Handles one `messages.upsert` batch in order. Never throws: a message that cannot be handled
 * is logged and skipped so the socket keeps flowing. The batch's messages are handed to the
 * pipeline in order without waiting for each commit, so they share one (group commit); it returns
 * only once every one of them is committed (or held), which is when the upsert counts as handled.
 */
export async function handleUpsert(batch: Upsert, deps: InboundDeps, opts: { historyContext?: boolean } = {}): Promise<void> {
  const items: (Extract<WaInbound, { senderJid: string }> & { from: string; raw: WAMessage })[] = [];
  for (const raw of batch.messages) {
    try {
      const n = normalizeWaMessage(raw);
      if (n.type === 'ignore') continue;
      items.push({ ...(await withSender(n, deps)), raw });
    } catch (err) {
      deps.logger.warn({ accountId: deps.accountId, err: String(err) }, 'could not read a WhatsApp message');
    }
  }
  // The seller's own messages first: a reply from the phone in this batch settles the catch-up rule.
  for (const item of items) {
    if (item.fromMe && item.type === 'message' && !opts.historyContext) {
      const prev = deps.sellerActivity.get(item.chatJid) ?? 0;
      deps.sellerActivity.set(item.chatJid, Math.max(prev, item.timestamp));
    }
  }
  const notStored = (id: string, err: unknown) => {
    // Baileys has already sent WhatsApp's receipt (before messages.upsert), so nothing redelivers
    // this message: on a full disk the pipeline held and journalled it before rejecting.
    if (err instanceof Error && err.name === 'IntakePausedError') {
      deps.logger.warn({ accountId: deps.accountId, id }, 'WhatsApp message held until the disk has space');
      return;
    }
    deps.logger.error(
      { accountId: deps.accountId, id, err: err instanceof Error ? err.message : String(err) },
      'WhatsApp message not stored',
    );
  };
  const commits: Promise<void>[] = [];
  for (const item of items) {
    try {
      const handed = await handleOne(item, batch.type, deps, opts.historyContext === true);
      // Caught at once: a later item's media download must not leave a rejection unhandled.
      if (handed)
        commits.push(
          handed.stored.then(
            () => undefined,
            (err: unknown) => notStored(item.id, err),
          ),
        );
    } catch (err) {
      notStored(item.id, err);
    }
  }
  await Promise.all(commits);
}

async function handleOne(
  item: Extract<WaInbound, { senderJid: string }> & { from: string; raw: WAMessage },
  type: 'notify' | 'append',
  deps: InboundDeps,
  historyContext: boolean,
): Promise<{ stored: Promise<AcceptAck> } | null> {
  const now = deps.now();
  const at = iso(item.timestamp, now);
  if (item.fromMe) {
    // History holds the seller's old chats: not echoes of anything the bot sent, and not a takeover.
    if (item.type !== 'message' || historyContext) return null;
    deps.sink.ownEcho({ accountId: deps.accountId, channelMessageId: item.id, to: item.from, text: item.text, at });
    return null;
  }
  if (!allowedByPolicy(deps.repo, deps.accountId, item)) return null;
  const base = { accountId: deps.accountId, from: item.from, fromName: item.pushName, at };
  // Wrapped: an async function would wait for the commit of a promise it returns.
  const stored = (m: Omit<NormalizedInbound, 'accountId' | 'from' | 'fromName' | 'at'>) => ({
    stored: deps.sink.accept({ ...base, ...m }),
  });
  switch (item.type) {
    case 'undecryptable':
      deps.onDecryptFailure(item.reason);
      // A distinct id: when Baileys' retry later delivers the real message under the original id,
      // it must not be swallowed as a duplicate of this placeholder.
      return stored({ channelMessageId: `${item.id}#undecrypted`, kind: 'other', text: UNDECRYPTABLE_TEXT, contextOnly: true });
    case 'reaction':
      if (!item.emoji) return null; // a removed reaction
      return stored({
        channelMessageId: item.id,
        kind: 'other',
        text: item.emoji,
        quotedChannelMessageId: item.targetId,
        contextOnly: true,
      });
    case 'edit':
      return stored({ channelMessageId: item.id, kind: 'text', text: item.text, quotedChannelMessageId: item.targetId, contextOnly: true });
    case 'revoke':
      return stored({ channelMessageId: item.id, kind: 'other', text: '🚫', quotedChannelMessageId: item.targetId, contextOnly: true });
    case 'message': {
      const policy = deps.repo.policy(deps.accountId);
      const stale = isStaleCatchUp({
        type,
        sentAt: item.timestamp,
        nowMs: now.getTime(),
        maxHours: policy.catchUpMaxHours,
        sellerWroteAt: deps.sellerActivity.get(item.chatJid),
      });
      const mediaPath = item.media ? await deps.saveMedia(item.raw, item.media) : null;
      return stored({
        channelMessageId: item.id,
        kind: item.kind,
        text: item.text,
        quotedChannelMessageId: item.quotedId,
        mediaPath,
        mediaFileName: item.media?.fileName ?? null,
        contextOnly: historyContext || stale,
      });
    }
  }
}
