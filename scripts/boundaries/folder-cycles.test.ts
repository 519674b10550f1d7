import { describe, expect, it } from 'vitest';
import { cycleEdges, folderGraph, folderOf, stronglyConnected } from './folder-cycles.mjs';

/** dependency-cruiser's module list, from `{ file: [imports] }`. */
const modules = (deps: Record<string, string[]>) =>
  Object.entries(deps).map(([source, to]) => ({ source, dependencies: to.map((resolved) => ({ resolved })) }));

describe('folder cycles', () => {
  it("names a core file's top-level folder, and nothing for the composition root, tests and other trees", () => {
    expect(folderOf('electron/core/brain/offline/wire.ts')).toBe('brain');
    expect(folderOf('electron/core/create-core.ts')).toBeNull();
    expect(folderOf('electron/core/brain/index.test.ts')).toBeNull();
    expect(folderOf('electron/core/learning/test-utils/harness.ts')).toBeNull();
    expect(folderOf('renderer/src/main.tsx')).toBeNull();
  });

  it('finds each cycle among folders, and only the edges inside one', () => {
    const graph = folderGraph(
      modules({
        'electron/core/a/x.ts': ['electron/core/b/index.ts', 'electron/core/e/index.ts'],
        'electron/core/b/y.ts': ['electron/core/c/index.ts'],
        'electron/core/c/z.ts': ['electron/core/a/index.ts', 'node_modules/zod/index.js'],
        'electron/core/d/w.ts': ['electron/core/d/v.ts', 'electron/core/e/index.ts'],
        'electron/core/e/index.ts': ['electron/core/d/w.ts'],
        'electron/core/f/u.ts': ['electron/core/a/index.ts'],
        // The composition root imports everyone and everyone imports its context type: no cycle through it.
        'electron/core/create-core.ts': ['electron/core/a/x.ts', 'electron/core/f/u.ts'],
        'electron/core/f/t.ts': ['electron/core/create-core.ts'],
      }),
    );
    expect(stronglyConnected(graph)).toEqual([
      ['a', 'b', 'c'],
      ['d', 'e'],
    ]);
    expect(cycleEdges(graph).map(({ from, to }) => `${from}>${to}`)).toEqual(['a>b', 'b>c', 'c>a', 'd>e', 'e>d']);
    expect(cycleEdges(graph)[0]?.example).toBe('electron/core/a/x.ts -> electron/core/b/index.ts');
  });

  it('sees no cycle in a graph that only points one way', () => {
    const graph = folderGraph(
      modules({
        'electron/core/a/x.ts': ['electron/core/b/index.ts'],
        'electron/core/b/y.ts': ['electron/core/c/index.ts'],
        'electron/core/a/x.test.ts': ['electron/core/c/index.ts'],
        'electron/core/c/z.test.ts': ['electron/core/a/x.ts'],
      }),
    );
    expect(stronglyConnected(graph)).toEqual([]);
    expect(cycleEdges(graph)).toEqual([]);
  });
});
