import { type Kysely, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, type Store, openDatabase } from '../database';
import { WriteRefusedError } from './handles';
import { typedStatements } from './typed-statements';

let store: Store;
beforeEach(async () => {
  store = await openDatabase({ file: ':memory:' });
});
afterEach(() => store.close());

describe('typedStatements', () => {
  it('runs a kysely-built insert and select with the values named in the call, in any key order', () => {
    const statements = typedStatements<Database>(store.sqlite);
    const insert = statements.prepare((db, p: { name: string; currency: string; at: string }) =>
      db.insertInto('shops').values({ created_at: p.at, currency: p.currency, name: p.name }),
    );
    const byCurrency = statements.prepare((db, p: { currency: string }) =>
      db.selectFrom('shops').select(['id', 'name']).where('currency', '=', p.currency).orderBy('id'),
    );
    expect(insert.run({ at: 'now', name: 'Tanger', currency: 'MAD' }).changes).toBe(1);
    insert.run({ name: 'Sfax', currency: 'TND', at: 'now' });
    insert.run({ currency: 'MAD', at: 'now', name: 'Fes' });
    expect(byCurrency.all({ currency: 'MAD' }).map((r) => r.name)).toEqual(['Tanger', 'Fes']);
    expect(byCurrency.get({ currency: 'TND' })?.name).toBe('Sfax');
    expect(byCurrency.get({ currency: 'EUR' })).toBeUndefined();
    expect([...byCurrency.iterate({ currency: 'MAD' })]).toHaveLength(2);
  });

  it('keeps constants of the built query and lets one name stand in several places', () => {
    const statements = typedStatements<Database>(store.sqlite);
    statements
      .prepare((db) =>
        db.insertInto('shops').values([
          { name: 'a', currency: 'EUR', created_at: '1' },
          { name: 'b', currency: 'EUR', created_at: '2' },
          { name: 'c', currency: 'BRL', created_at: '3' },
        ]),
      )
      .run();
    const between = statements.prepare((db, p: { edge: string }) =>
      db
        .selectFrom('shops')
        .select('name')
        .where('currency', '=', 'EUR')
        .where((eb) => eb.or([eb('created_at', '=', p.edge), eb(sql<string>`${p.edge}`, '=', '2')])),
    );
    expect(between.sql).toContain('?');
    expect(between.all({ edge: '2' }).map((r) => r.name)).toEqual(['a', 'b']);
    expect(between.all({ edge: '1' }).map((r) => r.name)).toEqual(['a']);
    // The constant 'EUR' stayed a constant: the BRL shop never matches.
    expect(between.all({ edge: '3' })).toEqual([]);
  });

  it('prepares once: the statement is not re-prepared per call', () => {
    let prepared = 0;
    const counting = new Proxy(store.sqlite, {
      get(target, key, receiver) {
        if (key === 'prepare') return (text: string) => (prepared++, target.prepare(text));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const count = typedStatements<Database>(counting).prepare((db) =>
      db.selectFrom('shops').select((eb) => eb.fn.countAll<number>().as('n')),
    );
    for (let i = 0; i < 5; i++) expect(count.get()?.n).toBe(0);
    expect(prepared).toBe(1);
  });

  it('says which value is missing instead of binding NULL', () => {
    const byName = typedStatements<Database>(store.sqlite).prepare((db, p: { name: string }) =>
      db.selectFrom('shops').select('id').where('name', '=', p.name),
    );
    expect(() => byName.all({} as { name: string })).toThrow(/missing value "name"/);
  });

  it('on a read handle, builds selects only and cannot run a write', () => {
    const reading = typedStatements<Database>(store.read);
    const names = reading.prepare((db) => db.selectFrom('shops').select('name'));
    expect(names.all()).toEqual([]);
    // @ts-expect-error a read handle's builder has no insertInto
    expect(() => reading.prepare((db) => db.insertInto('shops').values({ name: 'x', currency: 'EUR', created_at: 'n' }))).toThrow();
    // A write built with the writer's builder and slipped in is refused by the handle itself.
    let builder: Kysely<Database> | undefined;
    typedStatements<Database>(store.sqlite).prepare((db) => {
      builder = db;
      return db.selectFrom('shops').select('id');
    });
    expect(() => reading.prepare(() => builder!.deleteFrom('shops'))).toThrow(WriteRefusedError);
  });
});

describe('typedStatements.now', () => {
  it('builds a query whose shape depends on the call and prepares each distinct shape once', () => {
    let prepared = 0;
    const counting = new Proxy(store.sqlite, {
      get(target, key, receiver) {
        if (key === 'prepare') return (text: string) => (prepared++, target.prepare(text));
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const statements = typedStatements<Database>(counting);
    statements
      .prepare((db) => db.insertInto('shops').values(['a', 'b', 'c'].map((name) => ({ name, currency: 'EUR', created_at: 'n' }))))
      .run();
    const named = (names: string[]) =>
      statements
        .now((db) => db.selectFrom('shops').select('name').where('name', 'in', names).orderBy('name'))
        .all()
        .map((r) => r.name);
    expect(named(['a', 'c'])).toEqual(['a', 'c']);
    expect(named(['b', 'c'])).toEqual(['b', 'c']);
    expect(named(['a'])).toEqual(['a']);
    // insert + two shapes (two names, one name): the repeated shape was not prepared again.
    expect(prepared).toBe(3);
  });
});
