import fs from 'node:fs';
import path from 'node:path';

/** The ids the channel was told were stored, one per line, in the data folder. */
export const ACK_LOG = 'acked.log';
const ID = /^C\d+-M\d+$/;

export const messageId = (conversation: number, n: number) => `C${conversation}-M${n}`;

/** The acknowledged ids; a line cut short by a kill mid-append was never a full acknowledgement. */
export function readAcked(dataDir: string): Set<string> {
  let text = '';
  try {
    text = fs.readFileSync(path.join(dataDir, ACK_LOG), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const lines = text.split('\n');
  // The last element is '' after a complete line; anything else there was cut short.
  lines.pop();
  return new Set(lines.filter((l) => ID.test(l)));
}
