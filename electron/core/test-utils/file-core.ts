import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Core, type CoreConfig, createCore } from '../create-core';
import { call as callCore } from './temp-core';

/** One real core shared by a test file; `core` and `dataDir` are read inside tests, once it is open. */
export interface FileCore {
  readonly core: Core;
  readonly dataDir: string;
  /** A contract call through core's registry, its envelope unwrapped (an error fails the test loudly). */
  call: <T = unknown>(name: string, input: unknown) => Promise<T>;
}

/**
 * A core on a fresh temp data folder (named `prefix…`) for a whole test file: opened before the file's first test
 * (vitest's beforeAll, so a later beforeAll of the file can seed it), closed and deleted after its last.
 */
export function coreForFile(prefix: string, config: Omit<CoreConfig, 'dataDir'> = {}): FileCore {
  let opened: { core: Core; dataDir: string } | undefined;
  beforeAll(async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    opened = { core: await createCore({ ...config, dataDir }), dataDir };
  });
  afterAll(async () => {
    if (!opened) return;
    await opened.core.close();
    fs.rmSync(opened.dataDir, { recursive: true, force: true });
  });
  const open = () => {
    if (!opened) throw new Error('the file’s core is read before beforeAll opened it');
    return opened;
  };
  return {
    get core() {
      return open().core;
    },
    get dataDir() {
      return open().dataDir;
    },
    call: <T = unknown>(name: string, input: unknown) => callCore<T>(open().core, name, input),
  };
}
