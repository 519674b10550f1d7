import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Core, type CoreConfig, createCore } from '../create-core';
import { noPacing, noRateLimits } from '../pipeline/policies';
import { makeDeterministicBrain } from './deterministic-brain';

/**
 * A core on a fresh temp data dir with limits and pacing off and the deterministic brain (tests
 * of the lifecycle, not of the sales brain; pass `brain` to change it); `cleanup` closes and deletes it.
 */
export async function makeTempCore(
  overrides: Partial<CoreConfig> = {},
): Promise<{ core: Core; dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = overrides.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'souq-test-'));
  const core = await createCore({
    brain: makeDeterministicBrain(),
    rateLimits: noRateLimits,
    pacing: noPacing,
    simulator: { fsync: false, receipts: false },
    // Hundreds of temp cores: a small reserve, not 8 MB written per test.
    intakeReserveBytes: 64 * 1024,
    ...overrides,
    dataDir,
  });
  return {
    core,
    dataDir,
    async cleanup() {
      await core.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Unwraps a dispatch envelope, failing loudly with the error. */
export async function call<T = unknown>(core: Core, name: string, input: unknown): Promise<T> {
  const envelope = await core.app.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.value as T;
}
