import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { repositorySql } from '../eslint.config.js';

const root = path.resolve(import.meta.dirname, '..');

/** The repository SQL rule alone, with a parser that needs no type information (the planted files are not on disk). */
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, repositorySql],
});

const lint = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId);
};

const raw = `export function makePlantedRepo(sqlite: Db) {
  const byId = sqlite.prepare<[number], { id: number }>('SELECT id FROM sync_devices WHERE id = ?');
  return { get: (id: number) => byId.get(id) };
}`;

describe('eslint: repositories build their SQL with typedStatements', () => {
  it('refuses SQL text handed to prepare in a repository, as a literal, a template or a variable', async () => {
    expect(await lint('electron/core/sync/planted-repo.ts', raw)).toEqual(['no-restricted-syntax']);
    const more = `const text = 'DELETE FROM jobs';
export const run = [tx.prepare(\`DELETE FROM jobs WHERE id IN (\${ids})\`).run(), sqlite.prepare(text).run()];`;
    expect(await lint('electron/core/learning/scheduler/planted.ts', more)).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);
  });

  it('refuses SQL run through exec outside the store', async () => {
    expect(await lint('electron/core/contacts/planted.ts', "sqlite.exec('DELETE FROM contacts');")).toEqual(['no-restricted-syntax']);
  });

  it('allows typed statements, a regular expression exec, the store, tests and the named hot paths', async () => {
    const typed = `export const byId = statements.prepare((db, p: { id: number }) => db.selectFrom('t').selectAll().where('id', '=', p.id));
export const m = /a(b)/.exec(text);`;
    expect(await lint('electron/core/sync/planted-repo.ts', typed)).toEqual([]);
    expect(await lint('electron/core/store/planted.ts', raw)).toEqual([]);
    expect(await lint('electron/core/sync/planted-repo.test.ts', raw)).toEqual([]);
    expect(await lint('electron/core/pipeline/pipeline-store.ts', raw)).toEqual([]);
  });
});
