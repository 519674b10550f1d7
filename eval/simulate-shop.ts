import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ShopFiles } from './data';

/** One customer message for `simulate`, and what it is in the evaluation. */
export interface InLine {
  from: string;
  text: string;
}

/** One bot reply as `simulate` prints it. */
export interface OutLine {
  in: number | null;
  to: string;
  reply: string;
  language: string | null;
  intent: string | null;
  orderAction: string;
  escalate: boolean;
  skus: string[];
}

export interface ShopRun {
  replies: OutLine[];
  dataDir: string;
  db: Database.Database;
  stderr: string;
}

/**
 * Runs one shop's messages through `simulate` exactly as a user would (the CLI under `root`, a
 * fresh data folder, the shop's catalog and settings file), then opens the data folder's database
 * for what the JSON lines do not carry (orders, guardrail records).
 */
export async function simulateShop(root: string, shop: ShopFiles, lines: InLine[], settingsFile: string): Promise<ShopRun> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `souq-eval-${shop.id}-`));
  const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
  const cli = path.join(root, 'electron', 'core', 'cli.ts');
  const init = spawnSync(tsx, [cli, 'init', '--data-dir', dataDir], { cwd: root, encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`init failed: ${init.stderr}`);
  // The shop's own name and currency (simulate would otherwise make a DZD shop).
  const setup = new Database(path.join(dataDir, 'souqbot.sqlite'));
  setup.prepare('INSERT INTO shops (name, currency, created_at) VALUES (?, ?, ?)').run(shop.id, shop.currency, new Date().toISOString());
  setup.close();
  const child = spawn(tsx, [cli, 'simulate', '--catalog', shop.catalog, '--settings', settingsFile, '--data-dir', dataDir], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString('utf8')));
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  child.stdin.end(lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new Error(`simulate for ${shop.id} exited ${code}: ${err.slice(-2000)}`);
  const replies = out
    .split('\n')
    .filter((l) => l.trim().startsWith('{'))
    .map((l) => JSON.parse(l) as OutLine);
  return { replies, dataDir, db: new Database(path.join(dataDir, 'souqbot.sqlite'), { readonly: true }), stderr: err };
}
