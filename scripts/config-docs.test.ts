import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every field of a config, deps or options object in core says what it is for, its units and its default, as
// Baileys documents every SocketConfig field: the next engineer reads the interface, not the factory's body.

const root = path.resolve(import.meta.dirname, '..');
const NAME = /(Deps|Config|Options)$/;

/** `Interface.field` for each field of a *Deps / *Config / *Options interface in `text` with no JSDoc comment. */
function undocumentedFields(fileName: string, text: string): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const missing: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isInterfaceDeclaration(node) && NAME.test(node.name.text)) {
      for (const member of node.members) {
        if (!ts.isPropertySignature(member) && !ts.isMethodSignature(member)) continue;
        if (ts.getJSDocCommentsAndTags(member).length === 0) missing.push(`${node.name.text}.${member.name.getText(source)}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return missing;
}

function* coreSources(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* coreSources(full);
    else if (/\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) yield full;
  }
}

describe('config objects document their fields', () => {
  it('finds a planted field without a doc comment, and accepts one with', () => {
    const planted = `export interface PlantedDeps {
      /** Time for everything. */
      clock: Clock;
      logger: Logger;
      /** Called once. */
      done(): void;
    }
    interface Shape { free: number }`;
    expect(undocumentedFields('planted.ts', planted)).toEqual(['PlantedDeps.logger']);
  });

  it('every *Deps, *Config and *Options interface in electron/core documents each field', () => {
    const missing = [...coreSources(path.join(root, 'electron/core'))].flatMap((file) =>
      undocumentedFields(file, fs.readFileSync(file, 'utf8')).map((field) => `${path.relative(root, file)}: ${field}`),
    );
    expect(missing).toEqual([]);
  });
});
