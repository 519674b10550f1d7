import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../database';
import { openFixtureStore } from '../../test-utils/retrieval-catalog';
import { catalogVersion } from './catalog-version-store';
import { intersectFirst, makeCandidateFinder } from './fts-repo';
import { parseQuery } from './query';

describe('intersectFirst', () => {
  it.each([
    [
      [
        [1, 3, 5, 7],
        [3, 4, 5, 7, 9],
      ],
      10,
      [3, 5, 7],
    ],
    [
      [
        [1, 3, 5, 7],
        [3, 4, 5, 7, 9],
      ],
      2,
      [3, 5],
    ],
    [
      [
        [2, 4, 6, 8, 10],
        [4, 8, 12],
        [1, 4, 8],
      ],
      10,
      [4, 8],
    ],
    [
      [
        [1, 2],
        [3, 4],
      ],
      10,
      [],
    ],
    [[[], [1]], 10, []],
    [[[5, 6, 7]], 2, [5, 6]],
  ])('%j, first %i → %j', (lists, limit, expected) => {
    expect(intersectFirst(lists, limit)).toEqual(expected);
  });
});

let store: Store;
beforeAll(async () => {
  store = await openFixtureStore();
});
afterAll(async () => store.close());

// Words of every shop of the fixture store (three shops, so every lookup carries the shop term), two to five content words.
const TEXTS = [
  'slm ch7al had sac noir?',
  'Bonjour, vous avez les baskets en 41 ?',
  'How much is the oud perfume gift box?',
  'le sac a dos pour etudiant svp',
  'robe fleurie rouge taille M',
  'un foulard en soie bordeaux',
  'quero o ebook de receitas low carb',
  'curso de excel avançado com certificado',
  'i want the black leather handbag with gold chain',
  'creme argan hydratante visage nuit',
];

describe('makeCandidateFinder: word groups combined in memory', () => {
  const tables = { words: 'products_words', tri: 'products_tri', fuzzy: ['names', 'aliases'] };
  it('finds exactly what the SQL ANDs find, with whole lists kept, with some groups too long to keep, and with none kept', () => {
    const sql = makeCandidateFinder(store.sqlite, tables);
    const kept = makeCandidateFinder(store.sqlite, { ...tables, version: catalogVersion(store.sqlite) });
    // Lists of at most 2 rows: most groups are combined in SQL, some in memory, in the same search.
    const mixed = makeCandidateFinder(store.sqlite, { ...tables, version: catalogVersion(store.sqlite), listMax: 2 });
    let compared = 0;
    for (const shopId of [1, 2, 3]) {
      for (const text of TEXTS) {
        const query = parseQuery(text);
        for (const opts of [
          { want: 24, limit: 60 },
          { want: 3, limit: 4 },
          { want: 1, limit: 1 },
        ]) {
          const expected = sql.find(shopId, query, opts);
          // Rows matching every group come first (up to the limit); partial matches only fill up to `want`.
          const everyGroup = sql.find(shopId, query, { want: 0, limit: opts.limit });
          expect(expected.slice(0, everyGroup.length)).toEqual(everyGroup);
          expect(expected.length).toBeLessThanOrEqual(Math.max(everyGroup.length, opts.want));
          // Twice: a group's list is read the second time it is searched (the first search runs the SQL ANDs).
          for (const round of ['first', 'again']) {
            expect(kept.find(shopId, query, opts), `${shopId} ${text} ${JSON.stringify(opts)} ${round}`).toEqual(expected);
            expect(mixed.find(shopId, query, opts), `${shopId} ${text} ${JSON.stringify(opts)} ${round} (mixed)`).toEqual(expected);
          }
          if (expected.length) compared++;
        }
      }
    }
    // The comparison is not vacuous: most searches find rows.
    expect(compared).toBeGreaterThan(20);
  });
});
