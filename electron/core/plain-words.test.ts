import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Core tells the seller things as codes (shared/domain/notices.ts) that the UI words in the
 * seller's language; the types keep emitted codes inside the tables, and this keeps new plain
 * English from slipping back into the places that used to write it.
 */
describe('core writes codes, not sentences, for the seller', () => {
  const root = __dirname;
  const sources = (): string[] => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !path.includes('test-utils')) files.push(path);
      }
    };
    walk(root);
    return files;
  };
  const PLAIN = /escalateReason\s*[:=]\s*['"`]|(?:stop|setStatus)\(\s*'[a-z_]+',\s*['"`]|publishStatus\([^,]+,\s*'[a-z_]+',\s*['"`]/;
  const offenders = (text: string) => text.split('\n').filter((line) => PLAIN.test(line));

  it('no plain-text escalation reason or WhatsApp card detail in core', () => {
    const found = sources().flatMap((f) => offenders(readFileSync(f, 'utf8')).map((l) => `${f.slice(root.length)}: ${l.trim()}`));
    expect(found).toEqual([]);
  });

  it('catches the sentences it exists to catch', () => {
    expect(offenders("    d.escalateReason = 'Legal threat';")).toHaveLength(1);
    expect(offenders("        stop('error', 'WhatsApp did not give a pairing code.');")).toHaveLength(1);
    expect(offenders("    publishStatus(id, 'error', `Lost ${n}`);")).toHaveLength(1);
    expect(offenders("    stop('disconnected', whatsappNotice('no_network'));")).toHaveLength(0);
    expect(offenders("    publishStatus(id, 'disconnected', null);")).toHaveLength(0);
  });
});
