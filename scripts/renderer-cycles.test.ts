import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cruise } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

// The renderer's modules form no import cycle (the services-context → services → locale one was broken by moving the
// locale hooks to i18n/use-locale.ts): a cycle makes a module see another half-initialised, and hides which layer
// owns what.

const root = path.resolve(import.meta.dirname, '..');
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

/** Each import cycle among the renderer's files under `base`, as the chain of files. */
async function cycles(base: string): Promise<string[][]> {
  const result = await cruise(['renderer/src'], {
    baseDir: base,
    validate: true,
    ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: { path: '^renderer/' }, to: { circular: true } }] },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  });
  const output = result.output;
  if (typeof output === 'string') throw new Error('dependency-cruiser answered text');
  return (output.summary.violations ?? []).map((v) => [v.from, ...(v.cycle ?? []).map((c) => (typeof c === 'string' ? c : c.name))]);
}

describe('renderer import cycles', () => {
  it('finds a planted one: a context that imports the services whose store imports the context back', async () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-cycles-'));
    scratch.push(base);
    const files: Record<string, string> = {
      'renderer/src/app/services-context.ts':
        "import type { AppServices } from './services';\nexport let current: AppServices | null = null;\n",
      'renderer/src/app/services.ts':
        "import { makeLocale } from '../i18n/locale';\nexport interface AppServices { locale: ReturnType<typeof makeLocale> }\n",
      'renderer/src/i18n/locale.ts': "import { current } from '../app/services-context';\nexport const makeLocale = () => current;\n",
    };
    for (const [rel, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(base, rel)), { recursive: true });
      fs.writeFileSync(path.join(base, rel), text);
    }
    const found = await cycles(base);
    expect(found.length).toBeGreaterThan(0);
    expect(found.flat()).toContain('renderer/src/i18n/locale.ts');
  });

  it('there is none in the renderer', async () => {
    expect(await cycles(root)).toEqual([]);
  });
});
