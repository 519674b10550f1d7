import path from 'node:path';
import { DATABASE_FILE } from '../create-core';
import { option, defaultDataDir } from '../host';
import { recoverDatabase, type RecoveryResult, type TableDamage } from '../store';
import type { CliIo } from './io';

/** What a table's rows are, in the seller's words (the CLI speaks English, as its help does). */
const WHAT: Record<string, string> = {
  messages: 'messages',
  conversations: 'conversations',
  contacts: 'customers',
  orders: 'orders',
  order_items: 'order lines',
  products: 'products',
  product_variants: 'product variants (sizes, colours)',
  shops: 'shops',
  settings: 'shop settings',
  accounts: 'linked numbers',
  knowledge: 'knowledge answers',
  quick_replies: 'quick replies',
  outbox: 'replies waiting to be sent',
};

const count = (n: number) => n.toLocaleString('en-US');

function describeDamage(d: TableDamage): string {
  const what = WHAT[d.table] ?? `records (${d.table})`;
  const lost = d.lostAtMost === null ? 'some could not be read' : `at most ${count(d.lostAtMost)} could not be read`;
  return `${what}: ${count(d.saved)} saved, ${lost}`;
}

/** The lines the seller reads after `recover`: what was saved, what was not, what to do next. */
export function recoveryLines(result: RecoveryResult, file: string): string[] {
  const kept = `The damaged file is kept as ${result.damagedCopy}.`;
  if (result.method === 'copy') return [`Souqbot saved all your data into ${file}. ${kept} You can start Souqbot again.`];
  const lines = [`Souqbot saved what it could read into ${file}. ${kept}`];
  if (result.damage.length === 0) lines.push('Every record could be read.');
  else lines.push(`Damaged and partly lost — ${result.damage.map(describeDamage).join('; ')}.`);
  if (result.damage.some((d) => d.table === 'wa_auth_keys' || d.table === 'wa_auth_creds'))
    lines.push('If WhatsApp does not reconnect, link the number again on the Connect page.');
  lines.push('Import your catalog CSV again so product search is rebuilt, then start Souqbot again.');
  return lines;
}

/** `recover`: what a damaged database's start-up message tells the seller to run. */
export async function recoverCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const dataDir = path.resolve(option(argv, 'data-dir', 'SOUQ_DATA_DIR') ?? defaultDataDir());
  const file = path.join(dataDir, DATABASE_FILE);
  const result = await recoverDatabase(dataDir, file);
  for (const line of recoveryLines(result, file)) io.stdout(line);
  return 0;
}
