import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callNames } from '../../shared/contract';

// Where each contract call is served: a handler map's key ('prefix/verb-noun': …) in a core file. The rule: the
// file lives in a folder named by the method's prefix (electron/core/<prefix>/…, or a nested …/<prefix>/…), so the
// next engineer finds `orders/set-status` under orders/. The few deliberate exceptions, each with its reason:
// keyed by a whole method name or by a prefix (every method of it).
const EXCEPTIONS: Record<string, { folder: string; why: string }> = {
  wa: { folder: 'whatsapp', why: "WhatsApp's calls are the channel's own, under channels/whatsapp/ (`wa/` is the short prefix)" },
  profiles: { folder: 'learning', why: 'customer profiles are what learning builds from past conversations (learning/profiles/)' },
  jobs: { folder: 'learning', why: "the background jobs are the learning scheduler's (learning/scheduler/)" },
  'catalog/get-product-image': {
    folder: 'media',
    why: "a product's photo is stored by the image pipeline (media/images/: resize, catalog_images)",
  },
  'catalog/set-product-image': {
    folder: 'media',
    why: "a product's photo is stored by the image pipeline (media/images/: resize, catalog_images)",
  },
  'settings/get-llm-health': {
    folder: 'brain',
    why: "the LLM's health is the brain's running state (brain/llm/health); the settings page reads it",
  },
};
const exceptionOf = (name: string) => EXCEPTIONS[name] ?? EXCEPTIONS[name.split('/')[0]!];

const CORE = path.dirname(new URL(import.meta.url).pathname);
const HANDLER_KEY = /^\s*'([a-z][a-z-]*\/[a-z][a-z-]*)'\s*:/gm;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test-utils' ? [] : sourceFiles(full);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [full] : [];
  });
}

/** Every handler key in core's handler maps, with the files that define it. */
function handlerFiles(): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const file of sourceFiles(CORE)) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('HandlerMap')) continue;
    for (const [, name] of text.matchAll(HANDLER_KEY)) {
      const rel = path.relative(CORE, file).split(path.sep).join('/');
      found.set(name!, [...(found.get(name!) ?? []), rel]);
    }
  }
  return found;
}

describe('handler folders match method prefixes', () => {
  const handlers = handlerFiles();

  it('serves every contract call from exactly one file', () => {
    const problems = callNames.map((name) => [name, handlers.get(name) ?? []] as const).filter(([, files]) => files.length !== 1);
    expect(problems).toEqual([]);
  });

  it("serves each call from the folder its prefix names (or a listed exception's folder)", () => {
    const misplaced = callNames.flatMap((name) => {
      const prefix = name.split('/')[0]!;
      const folder = exceptionOf(name)?.folder ?? prefix;
      return (handlers.get(name) ?? [])
        .filter((file) => !file.split('/').slice(0, -1).includes(folder))
        .map((file) => `${name} in ${file}`);
    });
    expect(misplaced).toEqual([]);
  });

  it('lists no exception that is not needed', () => {
    const served = [...handlers.entries()];
    const stale = Object.keys(EXCEPTIONS).filter((key) => {
      const files = served.filter(([name]) => name === key || name.split('/')[0] === key).flatMap(([, f]) => f);
      return files.length === 0 || files.every((f) => f.split('/').slice(0, -1).includes(key.split('/')[0]!));
    });
    expect(stale).toEqual([]);
  });
});
