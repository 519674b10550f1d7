import type { Strings } from './define';

/**
 * Every feature's strings, found by convention (`features/<name>/i18n.ts` exporting `strings`)
 * so a feature adds its own text without editing a central file. Keyed by feature folder.
 */
const modules = import.meta.glob<{ strings: Strings }>('../features/*/i18n.ts', { eager: true });

export function collectStrings(found: Record<string, { strings?: Strings }> = modules): Record<string, Strings> {
  const out: Record<string, Strings> = {};
  for (const [file, mod] of Object.entries(found)) {
    const feature = /features\/([^/]+)\/i18n\.ts$/.exec(file)?.[1];
    if (feature && mod.strings) out[feature] = mod.strings;
  }
  return out;
}

export const catalog: Record<string, Strings> = collectStrings();
