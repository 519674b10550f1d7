// pino-roll ships no types; this is the part of its API (README "build(options) => SonicBoom") used here.
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  interface RollOptions {
    /** Base path of the log files; pino-roll appends `.N` (and `extension`). */
    file: string;
    /** Roll when a file reaches this size (a number of bytes or e.g. '10m'). */
    size?: string | number;
    /** Roll on a schedule too ('daily', 'hourly' or ms); unset: by size only. */
    frequency?: string | number;
    /** Appended after the file number, e.g. '.log'. */
    extension?: string;
    /** Create the log folder when missing. */
    mkdir?: boolean;
    /** Write synchronously (nothing lost on a crash, at a cost per line). */
    sync?: boolean;
    /** How many rolled files are kept (`count`), and whether others matching the name are removed. */
    limit?: { count?: number; removeOtherLogFiles?: boolean };
  }
  export default function build(options: RollOptions): Promise<DestinationStream & { flushSync(): void; end(): void }>;
}
