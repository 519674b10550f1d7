/**
 * `npm run bench [-- --json] [-- --only NAME[,NAME…]]`: prints a readable table per part; with --json
 * the last stdout line is one JSON object keyed by part. Not a timed test. `soak` runs only when
 * named (`--only soak [--minutes N]`): it takes 30 minutes. `relay` too (`--only relay`): about 90 s, two relay
 * processes and a nats-server.
 */
type Part = () => Promise<Record<string, number>>;

/** Parts that run only when named with --only. */
const OPT_IN = new Set(['soak', 'relay']);

const parts: Record<string, Part> = {
  pipeline: async () => ({ ...(await (await import('./pipeline')).run()) }),
};

async function optionalPart(name: string, file: string): Promise<void> {
  try {
    const mod = (await import(file)) as { run?: () => Promise<Record<string, number>> };
    if (typeof mod.run === 'function') parts[name] = mod.run;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw err;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
  await optionalPart('retrieval', './retrieval');
  await optionalPart('brain', './brain');
  await optionalPart('llm-turn', './llm-turn');
  await optionalPart('whatsapp', './whatsapp');
  await optionalPart('catalog-import', './catalog-import');
  await optionalPart('analytics', './analytics');
  await optionalPart('learning', './learning');
  await optionalPart('rush', './rush');
  await optionalPart('inbox', './inbox');
  await optionalPart('startup', './startup');
  await optionalPart('media', './media');
  await optionalPart('soak', './soak');
  await optionalPart('relay', './relay');
  const wanted = only?.split(',').filter(Boolean);
  const unknown = wanted?.filter((name) => !parts[name]) ?? [];
  if (unknown.length) {
    process.stderr.write(`Unknown bench part "${unknown.join(', ')}". Parts: ${Object.keys(parts).join(', ')}\n`);
    process.exit(2);
  }
  const results: Record<string, Record<string, number>> = {};
  for (const [name, part] of Object.entries(parts)) {
    if (wanted ? !wanted.includes(name) : OPT_IN.has(name)) continue;
    const started = Date.now();
    process.stderr.write(`bench ${name}…\n`);
    results[name] = await part();
    process.stdout.write(`\n${name} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    for (const [key, value] of Object.entries(results[name]!)) process.stdout.write(`  ${key.padEnd(20)} ${value}\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
