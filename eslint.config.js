// ESLint with typescript-eslint: the syntactic recommended set everywhere, plus the type-aware rules that catch what
// this codebase can least afford — a promise nobody awaits (a lost write, an unhandled rejection that kills core),
// a promise passed where a callback's result is ignored, and a switch over a union that forgets a member.
// Formatting is Prettier's job (`npm run format`), so no stylistic rules here.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Renderer: pushed events enter in one place. `client.subscribe(event, listener)` (two arguments, which is what
 * tells it from a zustand store's `subscribe(listener)`) and a bridge's `onEvent` are refused outside
 * `stores/wire-events.ts` and the transports in `api/`; pages, their stores and the desk model's notice feed follow
 * `services.pushed` instead (stores/pushed-store.ts). Its test, eslint-renderer-events.test.ts, plants a violation.
 */
export const rendererEvents = {
  files: ['renderer/src/**/*.{ts,tsx}'],
  ignores: ['renderer/src/stores/wire-events.ts', 'renderer/src/api/**', 'renderer/src/**/*.test.{ts,tsx}'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: "CallExpression[callee.property.name='subscribe'][arguments.length>1]",
        message:
          'Pushed events enter in renderer/src/stores/wire-events.ts; follow them through services.pushed (useOnPushed, followPushed).',
      },
      {
        // One argument: the bridge's `onEvent(listener)`, not the desk model's `onEvent(event, now)`.
        selector: "CallExpression[callee.property.name='onEvent'][arguments.length=1]",
        message: 'Only the transports (renderer/src/api/) and stores/wire-events.ts listen to the bridge.',
      },
    ],
  },
};

/**
 * One database style (ARCHITECTURE.md, "One database style"): core's repositories build SQL with kysely through
 * `typedStatements` (electron/core/store/typed-statements.ts), so every query is typed by the
 * `Database` schema. Raw SQL text is for the store itself (connection, migrations, backup) and for
 * the measured hot paths listed here, each with the bench figure that keeps it raw. Its test,
 * scripts/eslint-repository-sql.test.ts, plants a raw statement in a repository.
 */
export const repositorySql = {
  files: ['electron/core/**/*.ts'],
  ignores: [
    'electron/core/store/**',
    'electron/core/**/*.test.ts',
    'electron/core/test-utils/**',
    // Measured hot paths (issue 12's pipeline.ratio, issue 9's brain figures): raw on purpose, each file says why.
    'electron/core/pipeline/pipeline-store.ts', // accept and complete of every message (bench pipeline.ratio)
    'electron/core/pipeline/outbox-store.ts', // every reply's queue row (bench pipeline.ratio)
    'electron/core/pipeline/turn-reads-store.ts', // every turn's history and facts (bench pipeline.ratio)
    'electron/core/pipeline/pipeline-lookups-store.ts', // every accepted message's account and contact (bench pipeline.ratio)
    'electron/core/brain/retrieval/fts-repo.ts', // every turn's FTS search (bench brain.unseen_cpu_p95_ms)
    'electron/core/brain/retrieval/retrieval-repo.ts', // every turn's candidates and winners (bench brain.unseen_cpu_p95_ms)
    // SQL kysely has no builder for: TEMP triggers and PRAGMA data_version; a temporary table's DDL.
    'electron/core/brain/retrieval/catalog-version-store.ts',
    'electron/core/catalog/import/staging-repo.ts',
  ],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        // `statements.prepare((db, p) => …)` takes a builder; anything else handed to `prepare` is SQL text.
        selector: "CallExpression[callee.property.name='prepare'][arguments.0.type!=/^(ArrowFunctionExpression|FunctionExpression)$/]",
        message:
          'Build the query with typedStatements (electron/core/store/typed-statements.ts); raw SQL is for the store and the named hot paths.',
      },
      {
        selector: "CallExpression[callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
        message: 'Schema changes are migrations (electron/core/store/migrations/); queries go through typedStatements.',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'test-results/', 'coverage/', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.electron.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-undef': 'off', // TypeScript knows the globals of each runtime better than a list does
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', Buffer: 'readonly' },
    },
  },
  rendererEvents,
  repositorySql,
);
