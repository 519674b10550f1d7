import { makeStderrLogger } from './host/pino-logger';
import { type CliIo, UsageError, processIo } from './cli/io';

const USAGE = `Usage: npm run -s souqbot -- <command> [options]

Commands:
  init [--data-dir DIR]                      create and migrate a data folder, print where it is
  serve [--port N] [--data-dir DIR]          the headless server (same as npm run start:web)
  simulate --catalog FILE.csv [--data-dir DIR] [--settings FILE.json]
                                             customer messages as JSON lines on stdin → bot replies as JSON lines
  import-catalog FILE.csv [--data-dir DIR] [--shop ID | --new-shop NAME --currency CODE] [--map field=Column,…]
                                             import a catalog (native, Shopify or WooCommerce CSV)
  backup --to FOLDER [--keep N] [--data-dir DIR]
                                             a consistent backup while Souqbot runs (passphrase: SOUQ_BACKUP_PASSPHRASE)
  restore --from BACKUP_FOLDER --data-dir NEW_DIR
                                             restore a backup into a new data folder (same passphrase)
  export orders|conversations|contacts|metrics [--from DAY] [--to DAY] [--shop ID] [--data-dir DIR] [--out FILE|-]
                                             the Analytics page's CSV exports (UTF-8 with BOM), last 30 days by default

  recover [--data-dir DIR]                   save what can be read of a damaged database into a new one`;

type Command = (argv: string[], io: CliIo) => Promise<number>;

const commands: Record<string, Command> = {
  init: async (argv, io) => (await import('./cli/init')).initCommand(argv, io),
  serve: async (argv, io) => {
    const { serve, closeOnSignals } = await import('./serve');
    const serving = await serve(argv);
    io.stdout(`Souqbot is running. Open this address in your browser: ${serving.openUrl}`);
    closeOnSignals(serving);
    return new Promise<number>(() => {}); // runs until a signal
  },
  simulate: async (argv, io) =>
    (await import('./cli/simulate')).simulateCommand(argv, io, process.stdin, makeStderrLogger(process.env.SOUQ_LOG_LEVEL ?? 'warn')),
  'import-catalog': async (argv, io) => (await import('./cli/import-catalog')).importCatalogCommand(argv, io),
  backup: async (argv, io) => (await import('./cli/backup')).backupCommand(argv, io),
  restore: async (argv, io) => (await import('./cli/backup')).restoreCommand(argv, io),
  export: async (argv, io) => (await import('./cli/export')).exportCommand(argv, io),
  recover: async (argv, io) => (await import('./cli/recover')).recoverCommand(argv, io),
};

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`Unknown command "${name}".\n${USAGE}`);
    return 2;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(err instanceof UsageError ? message : `souqbot ${name} failed: ${message}`);
    return 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
