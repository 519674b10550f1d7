import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WriteRefusedError, makeReadHandle } from './read-handle';

describe('analytics read handle', () => {
  it('prepares reads and refuses anything that writes', () => {
    const sqlite = new SQLite(':memory:');
    sqlite.exec('CREATE TABLE t (x)');
    const read = makeReadHandle(sqlite);
    expect(read.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    expect(() => read.prepare('INSERT INTO t VALUES (1)')).toThrow(WriteRefusedError);
    expect(() => read.prepare('DELETE FROM t')).toThrow(WriteRefusedError);
    sqlite.close();
  });
});
