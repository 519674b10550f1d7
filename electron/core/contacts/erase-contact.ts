import fs from 'node:fs';
import path from 'node:path';
import type { WritableSqlite } from '../store';
import { makeEraseContactRepo } from './erase-contact-repo';

/** What one erasure removed, for the seller's confirmation and the log (counts only, never content). */
export interface ErasedContact {
  messages: number;
  mediaFiles: number;
  ordersAnonymised: number;
  learnedEntries: number;
}

export interface EraseDeps {
  /** The writable database the customer's rows are deleted from, in one transaction. */
  sqlite: WritableSqlite;
  /** The media folder: only files inside it are deleted. */
  mediaDir: string;
  /** The simulator's raw send log (test phone), rewritten without the contact's lines. */
  rawLogPath?: string;
}

/**
 * The one deletion path for a customer's personal data (a customer's request, the retention
 * setting, a profile delete): messages and their search-index entries, the conversation and its
 * brain state, guardrail records of it, per-customer usage, WhatsApp contact rows and sent-message
 * copies, media files, learned knowledge quoting them; orders keep their amounts and items for the
 * books but lose name, phone and address. Deleted pages are zeroed (secure_delete) and the search
 * index merged, so the words are gone from the file, not just unlinked; the WAL is truncated.
 */
export function eraseContact(deps: EraseDeps, shopId: number, contactId: number): ErasedContact | null {
  const repo = makeEraseContactRepo(deps.sqlite);
  const contact = repo.contact(shopId, contactId);
  if (!contact) return null;
  return repo.withSecureDelete(() => {
    const result = repo.eraseRows(shopId, contactId, contact);
    const mediaFiles = deleteMedia(deps.mediaDir, result.mediaPaths);
    if (deps.rawLogPath) dropRawLogLines(deps.rawLogPath, contact.jid);
    // The deleted rows' terms leave the full-text index's segments and the WAL, not just the tables.
    repo.purgeFreedText();
    return { messages: result.messages, mediaFiles, ordersAnonymised: result.orders, learnedEntries: result.learned };
  });
}

function deleteMedia(mediaDir: string, paths: string[]): number {
  const root = path.resolve(mediaDir) + path.sep;
  let deleted = 0;
  for (const file of paths) {
    const resolved = path.resolve(file);
    if (!resolved.startsWith(root)) continue; // never outside the media folder
    try {
      fs.rmSync(resolved);
      deleted += 1;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return deleted;
}

function dropRawLogLines(file: string, jid: string): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return;
  }
  const kept = text.split('\n').filter((line) => {
    if (!line) return false;
    try {
      return (JSON.parse(line) as { to?: string }).to !== jid;
    } catch {
      return false;
    }
  });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, kept.map((l) => `${l}\n`).join(''), { mode: 0o600 });
  fs.renameSync(tmp, file);
}
