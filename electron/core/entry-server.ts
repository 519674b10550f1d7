import { closeOnSignals, serve } from './serve';

/** `npm run start:web`: the headless server. Prints one plain line: the URL to open. */
serve(process.argv.slice(2)).then(
  (serving) => {
    process.stdout.write(`Souqbot is running. Open this address in your browser: ${serving.openUrl}\n`);
    closeOnSignals(serving);
  },
  (err: unknown) => {
    process.stderr.write(`Souqbot could not start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
