import { defineConfig } from 'vitest/config';

// vitest 5's reporter calls Map.groupBy (Node 21+) when it prints failures; Node 20 lacks it,
// which would hide every failure behind "Map.groupBy is not a function". vitest is pinned to 4
// (which supports Node 20, README "Which Node"); the shim stays for whoever moves to 5 on Node 20.
if (typeof (Map as { groupBy?: unknown }).groupBy !== 'function') {
  Object.defineProperty(Map, 'groupBy', {
    value<T, K>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  test: {
    include: [
      'electron/**/*.test.ts',
      'shared/**/*.test.ts',
      'renderer/**/*.test.ts',
      'renderer/**/*.test.tsx',
      'tests/**/*.test.ts',
      'scripts/**/*.test.ts',
      'eval/**/*.test.ts',
      'relay/**/*.test.ts',
    ],
    environment: 'node',
    reporters: ['default', './scripts/summary-reporter.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one worker fewer than the cores: one file at a time on a 2-core machine, while most of the
    // slow files (browser, stand-in, crash, CLI) wait on child processes and sockets. Two keep both cores busy.
    maxWorkers: 2,
    // The e2e tests build the renderer and start servers; one global setup builds it once.
    globalSetup: ['tests/global-setup.ts'],
  },
});
