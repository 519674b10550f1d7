import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { rendererEvents } from '../eslint.config.js';

const root = path.resolve(import.meta.dirname, '..');

/** The renderer's event rule alone, with a parser that needs no type information (the planted files are not on disk). */
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.{ts,tsx}'], languageOptions: { parser: tseslint.parser } }, rendererEvents],
});

const lint = async (filePath: string, code: string) => {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId);
};

const subscribingComponent = `
export function Planted({ client }: { client: { subscribe(name: string, fn: (p: unknown) => void): () => void } }) {
  useEffect(() => client.subscribe('catalog/changed', () => undefined), [client]);
  return null;
}`;

describe('eslint: pushed events enter the renderer in one module', () => {
  it('refuses a component that subscribes to a bridge event itself', async () => {
    expect(await lint('renderer/src/features/catalog/Planted.tsx', subscribingComponent)).toEqual(['no-restricted-syntax']);
  });

  it('refuses a subscription through a computed event name and a raw bridge listener', async () => {
    const code = `const name = 'llm/health' as const;
export const off = [client.subscribe(name, (h) => h), bridge.onEvent((e) => e)];`;
    expect(await lint('renderer/src/features/shell/planted.ts', code)).toEqual(['no-restricted-syntax', 'no-restricted-syntax']);
  });

  it('allows a zustand store subscription, the desk model, and the bridge subscription in stores/wire-events.ts', async () => {
    expect(await lint('renderer/src/features/catalog/Planted.tsx', 'export const off = store.subscribe((s) => s);')).toEqual([]);
    expect(await lint('renderer/src/app/notices/notice-glue.ts', 'export const shown = model.onEvent(event, now());')).toEqual([]);
    expect(await lint('renderer/src/stores/wire-events.ts', subscribingComponent)).toEqual([]);
  });
});
