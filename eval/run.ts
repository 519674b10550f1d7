/**
 * `npm run eval [-- --root DIR] [-- --llm SETTINGS.json] [-- --verbose]`: the sales evaluation.
 * Shops we wrote ourselves (eval/data/shops), messy multi-turn order conversations and labelled
 * single messages go through `simulate` (the real core, pipeline and brain) of the checkout at
 * --root (default: this one, so the same script measures another build). Prints order completion,
 * language, intent and product-first accuracy per language, guardrail violations, and ends with
 * (`--shop ID` runs one shop, `--conv ID` one conversation, `--singles` only the single messages; `--transcript` prints every conversation turn with its reply)
 * one JSON line. Not a timed test.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConversations, loadShops, loadSingles } from './data';
import { emptyScores, scoreConversations, scoreSingles, summary } from './score';
import { type InLine, simulateShop } from './simulate-shop';

const PREFIX: Record<string, string> = {
  'ma-cosmetics': '+2126100',
  'tn-electronics': '+2162200',
  'it-deli': '+3933300',
  'pt-bikes': '+3519100',
  'br-petshop': '+5511900',
  'dz-phonecase': '+2135500',
};

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The shop's settings file, merged with an LLM endpoint when --llm names one. */
function settingsFor(file: string, llmFile: string | undefined): string {
  if (!llmFile) return file;
  const merged = { ...JSON.parse(fs.readFileSync(file, 'utf8')), llm: JSON.parse(fs.readFileSync(llmFile, 'utf8')) };
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'souq-eval-settings-')), 'settings.json');
  fs.writeFileSync(out, JSON.stringify(merged));
  return out;
}

async function main(): Promise<void> {
  const root = path.resolve(arg('root') ?? path.join(import.meta.dirname, '..'));
  const verbose = process.argv.includes('--verbose');
  const conv = arg('conv');
  // --singles: only the labelled single messages (a quicker loop while working on NLU).
  const singlesOnly = process.argv.includes('--singles');
  const conversations = singlesOnly ? [] : loadConversations().filter((c) => !conv || c.id === conv);
  const singles = conv ? [] : loadSingles();
  const scores = emptyScores();
  const only = arg('shop');
  const transcript = process.argv.includes('--transcript');
  const shopOf = conversations[0]?.shop;
  for (const shop of loadShops().filter((s) => (!only || s.id === only) && (!conv || s.id === shopOf))) {
    const prefix = PREFIX[shop.id] ?? '+100000';
    const lines: InLine[] = [];
    const convs = conversations
      .filter((c) => c.shop === shop.id)
      .map((c, i) => ({ c, from: `${prefix}${String(i + 1).padStart(4, '0')}`, first: 0, last: 0 }));
    for (const conv of convs) {
      conv.first = lines.length;
      for (const text of conv.c.turns) lines.push({ from: conv.from, text });
      conv.last = lines.length - 1;
    }
    const mine = singles
      .filter((m) => m.shop === shop.id)
      .map((m, i) => ({ m, from: `${prefix}${String(5000 + i).padStart(4, '0')}`, at: 0 }));
    for (const single of mine) {
      single.at = lines.length;
      lines.push({ from: single.from, text: single.m.text });
    }
    process.stderr.write(`eval ${shop.id}: ${convs.length} conversations, ${mine.length} messages…\n`);
    const run = await simulateShop(root, shop, lines, settingsFor(shop.settings, arg('llm')));
    try {
      const repliesTo = (from: number, to: number) => run.replies.filter((r) => r.in !== null && r.in >= from && r.in <= to);
      scoreConversations(
        scores,
        run.db,
        convs.map((v) => ({ c: v.c, from: v.from, replies: repliesTo(v.first, v.last) })),
      );
      if (transcript) {
        for (const l of run.stderr.split('\n')) if (l.includes('guardrail')) process.stderr.write(`  ! ${l.slice(0, 400)}\n`);
      }
      if (transcript)
        for (const v of convs) {
          process.stderr.write(`--- ${v.c.id} want ${JSON.stringify(v.c.expect)}\n`);
          for (const r of repliesTo(v.first, v.last))
            process.stderr.write(
              `  > ${lines[r.in ?? 0]?.text}\n  < [${r.language}/${r.intent}/${r.orderAction}/${r.skus.join(',')}] ${r.reply}\n`,
            );
        }
      scoreSingles(
        scores,
        mine.map((v) => ({ m: v.m, reply: run.replies.find((r) => r.in === v.at) })),
      );
      if (verbose)
        for (const s of mine) {
          const r = run.replies.find((x) => x.in === s.at);
          if (r?.language !== s.m.language || r?.intent !== s.m.intent || (s.m.sku && r?.skus[0] !== s.m.sku))
            process.stderr.write(
              `  ✗ «${s.m.text}» want ${s.m.language}/${s.m.intent}/${s.m.sku ?? '-'} got ${r?.language}/${r?.intent}/${r?.skus[0] ?? '-'}\n`,
            );
        }
    } finally {
      run.db.close();
      fs.rmSync(run.dataDir, { recursive: true, force: true });
    }
  }
  const result = summary(scores);
  const pct = (n: number | null) => (n === null ? '  –  ' : `${(n * 100).toFixed(1)}%`.padStart(6));
  const out = process.stdout;
  out.write(
    `\nOrders: ${result.orders.completed}/${result.orders.conversations} conversations ended in the right order (${pct(result.orders.completion)}); ${result.orders.placed} placed an order; city right in ${result.orders.cityRight}\n`,
  );
  for (const f of scores.orders.failed) out.write(`  ✗ ${f}\n`);
  out.write(
    `\nSingle messages (${result.singles}): language ${pct(result.language)}, intent ${pct(result.intent)}, product named first ${pct(result.productFirst)}; reply language over conversation turns ${pct(result.languageTurns)}\n`,
  );
  out.write(`  ${'language'.padEnd(8)} ${'lang'.padStart(6)} ${'intent'.padStart(6)} ${'product'.padStart(7)}\n`);
  for (const l of Object.keys(result.byLanguage.language))
    out.write(
      `  ${l.padEnd(8)} ${pct(result.byLanguage.language[l] ?? null)} ${pct(result.byLanguage.intent[l] ?? null)} ${pct(result.byLanguage.productFirst[l] ?? null).padStart(7)}\n`,
    );
  out.write(
    `\nGuardrails: ${result.violations.caughtByGuardrails} replies caught and replaced; ${result.violations.claimsEchoed} false claims repeated to the customer; ${result.violations.ordersNotShown} orders placed without their summary shown\n`,
  );
  for (const v of [...scores.violations.claimsEchoed, ...scores.violations.ordersNotShown]) out.write(`  ✗ ${v}\n`);
  out.write(`${JSON.stringify(result)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`eval failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
