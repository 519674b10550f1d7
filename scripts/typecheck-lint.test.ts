import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(import.meta.dirname, '..');
const script = path.join(repo, 'scripts/typecheck-lint.mjs');
const run = promisify(execFile);

/** A scratch tree with two projects sharing `shared/`, one planted bug of each kind the lanes must report. */
const files: Record<string, string> = {
  'tsconfig.a.json': JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, types: [], lib: ['ES2023'] },
    include: ['a/**/*.ts', 'shared/**/*.ts'],
  }),
  'tsconfig.b.json': JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, types: [], lib: ['ES2023'] },
    include: ['b/**/*.ts', 'shared/**/*.ts'],
  }),
  'eslint.config.js': `import tseslint from 'typescript-eslint';
export default tseslint.config(
  { ignores: ['node_modules/'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: ['./tsconfig.a.json', './tsconfig.b.json'], tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error', '@typescript-eslint/no-misused-promises': 'error' },
  },
);`,
  'package.json': JSON.stringify({ type: 'module' }),
  'a/type-error.ts': "export const n: number = 'not a number';\n",
  'a/float.ts': 'export async function save(): Promise<void> {}\nvoid 0;\nsave();\n',
  // An async callback where a void one is expected: legal TypeScript, refused by no-misused-promises.
  'a/misused.ts': 'const later = (cb: () => void): void => cb();\nlater(async () => {});\n',
  'shared/float-shared.ts': 'export async function load(): Promise<number> { return 1; }\nload();\n',
  'b/clean.ts': 'export const fine = 1;\n',
  'tools/unused.mjs': 'const unusedThing = 1;\n',
  'orphan.ts': 'export const lonely = 1;\n',
};

let root = '';

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'typecheck-lint-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  // The scratch config imports typescript-eslint: resolve it from the repo's packages.
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(root, 'node_modules'), 'dir');
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function lane(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, [script, '--root', root, ...args]);
    return { code: 0, out: stdout };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('typecheck-lint: one TypeScript program per project for the type-check and the typed lint', () => {
  it('a project lane reports its type errors and its typed-rule errors, shared files included', async () => {
    const { code, out } = await lane('--project', 'tsconfig.a.json');
    expect(code).toBe(1);
    expect(out).toMatch(/a\/type-error\.ts\(1,14\): error TS2322/);
    expect(out).toMatch(/a\/float\.ts[\s\S]*no-floating-promises/);
    expect(out).toMatch(/shared\/float-shared\.ts[\s\S]*no-floating-promises/);
    expect(out).toMatch(/a\/misused\.ts[\s\S]*no-misused-promises/);
  }, 300_000);

  it('the rest lane lints the JavaScript and refuses a TypeScript file no project includes', async () => {
    const { code, out } = await lane('--rest', '--claimed', 'tsconfig.a.json,tsconfig.b.json');
    expect(code).toBe(1);
    expect(out).toMatch(/tools\/unused\.mjs[\s\S]*no-unused-vars/);
    // typescript-eslint words this refusal two ways (a fresh clone gets the second).
    expect(out).toMatch(/orphan\.ts[\s\S]*(none of those TSConfigs include this file|not found in any of the provided project)/);
    expect(out).not.toMatch(/float|misused/);
  }, 300_000);

  it('a later lane leaves the files an earlier project claims (the shared bug is not reported twice) and passes clean', async () => {
    expect(await lane('--project', 'tsconfig.b.json', '--after', 'tsconfig.a.json')).toEqual({ code: 0, out: '' });
  }, 300_000);
});
