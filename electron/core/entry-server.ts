import { closeOnSignals, serve } from './serve';
import { startFailureLine } from './start-failure';

/**
 * `npm run start:web`: the headless server. Prints one plain line: the URL to open — only once the
 * store passed its check, holds the data folder's lock and the server listens. Any failure to start
 * is one plain line too, and a non-zero exit.
 */
serve(process.argv.slice(2)).then(
  (serving) => {
    process.stdout.write(`Souqbot is running. Open this address in your browser: ${serving.openUrl}\n`);
    closeOnSignals(serving);
  },
  (err: unknown) => {
    process.stderr.write(`${startFailureLine(err)}\n`);
    process.exit(1);
  },
);
