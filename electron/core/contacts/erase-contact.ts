import fs from 'node:fs';
import path from 'node:path';
import { type WritableSqlite, optimizeMessageSearch } from '../store';
import { type ContactSubject, deleteContactRow, readContactSubject, truncateWal, withSecureDelete } from './erase-contact-repo';

/** What one erasure removed, for the seller's confirmation and the log (counts only, never content). */
export interface ErasedContact {
  messages: number;
  mediaFiles: number;
  ordersAnonymised: number;
  learnedEntries: number;
}

/** The counts a domain's delete reports (the others report none). */
export type ErasedCounts = Partial<Omit<ErasedContact, 'mediaFiles'>>;

/**
 * One domain's part of an erasure: deletes (or anonymises) the customer's rows of that domain's own
 * tables, inside the eraser's transaction. Each domain exposes it as `deleteContactData` through its
 * index.ts; the composition root lists them (contact-data.ts), in the order foreign keys need.
 */
export type DeleteContactData = (tx: WritableSqlite, subject: ContactSubject) => ErasedCounts;

export interface EraseDeps {
  /** The writable database the customer's rows are deleted from, in one transaction. */
  sqlite: WritableSqlite;
  /** Each domain's delete, by domain name, run in this order before the contacts row goes (contact-data.ts). */
  domains: Readonly<Record<string, DeleteContactData>>;
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
 * books but lose name, phone and address. Each domain deletes its own rows (`deps.domains`), all in
 * one transaction; this module writes none itself. Deleted pages are zeroed (secure_delete) and the
 * search index merged, so the words are gone from the file, not just unlinked; the WAL is truncated.
 */
export function eraseContact(deps: EraseDeps, shopId: number, contactId: number): ErasedContact | null {
  const { sqlite } = deps;
  const subject = readContactSubject(sqlite, shopId, contactId);
  if (!subject) return null;
  return withSecureDelete(sqlite, () => {
    const counts = sqlite.transaction(() => {
      const total = { messages: 0, ordersAnonymised: 0, learnedEntries: 0 };
      for (const deleteContactData of Object.values(deps.domains)) {
        const part = deleteContactData(sqlite, subject);
        total.messages += part.messages ?? 0;
        total.ordersAnonymised += part.ordersAnonymised ?? 0;
        total.learnedEntries += part.learnedEntries ?? 0;
      }
      deleteContactRow(sqlite, contactId);
      return total;
    })();
    const mediaFiles = deleteMedia(deps.mediaDir, subject.mediaPaths);
    if (deps.rawLogPath) dropRawLogLines(deps.rawLogPath, subject.jid);
    // Merge the full-text index so the deleted rows' terms leave its segments, then drop the WAL's copies.
    optimizeMessageSearch(sqlite);
    truncateWal(sqlite);
    return { ...counts, mediaFiles };
  });
}

function deleteMedia(mediaDir: string, paths: readonly string[]): number {
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
