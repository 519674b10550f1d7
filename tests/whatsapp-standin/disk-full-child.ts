/**
 * A real core on a linked data folder whose WhatsApp socket logs in to the stand-in (URL and root
 * key from the parent). SOUQ_FAIL_INBOUND=1 injects the disk fault: every insert of an inbound
 * message row fails with SQLITE_FULL, as on a full disk, while everything else (Baileys' Signal
 * keys) still writes. SOUQ_PLANT_BUG=no-journal plants the loss the test must catch.
 *
 * stdout: `ready`, `storage <state> <held>` on each storage change, `connected` when the number is
 * online, `drained` once everything the pipeline had was answered and handed to the socket.
 */
import { WA_CERT_DETAILS } from '@whiskeysockets/baileys';
import { createCore } from '../../electron/core/create-core';
import { makeDeterministicBrain } from '../../electron/core/test-utils/deterministic-brain';
import { noPacing, noRateLimits } from '../../electron/core/pipeline/policies';

const [dataDir] = process.argv.slice(2);
const url = process.env.STANDIN_URL;
const root = process.env.STANDIN_ROOT_KEY;
if (!dataDir || !url || !root) throw new Error('usage: STANDIN_URL=… STANDIN_ROOT_KEY=hex disk-full-child DATA_DIR');
WA_CERT_DETAILS.PUBLIC_KEY = Buffer.from(root, 'hex');

const core = await createCore({
  dataDir,
  brain: makeDeterministicBrain(),
  rateLimits: noRateLimits,
  pacing: noPacing,
  storageRetryMs: 60_000,
  intakeJournal: process.env.SOUQ_PLANT_BUG !== 'no-journal',
  intakeReserveBytes: 64 * 1024,
  whatsapp: { socketConfig: { waWebSocketUrl: url } },
});
const say = (line: string) => process.stdout.write(`${line}\n`);

if (process.env.SOUQ_FAIL_INBOUND === '1') {
  const db = core.ctx.store.sqlite;
  db.function('souq_test_disk_full', () => {
    throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  });
  db.exec(
    "CREATE TEMP TRIGGER souq_test_full BEFORE INSERT ON main.messages WHEN NEW.direction = 'in' BEGIN SELECT souq_test_disk_full(); END",
  );
}

core.bus.on('system/storage', (s) => say(`storage ${s.state} ${s.held}`));
let connected = false;
core.bus.on('accounts/status', (s) => {
  if (s.status !== 'connected' || connected) return;
  connected = true;
  say('connected');
  // Give the dispatcher a moment to pick the channel up, then report when the backlog is sent.
  setTimeout(() => {
    void core.ctx.pipeline.drain().then(() => say('drained'));
  }, 200);
});
process.on('SIGTERM', () => {
  void core.close().then(() => process.exit(0));
});
say('ready');
