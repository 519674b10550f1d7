import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ShopSettings } from '../../../shared/domain/settings';
import { loadSettingsFile, parseSettingsText } from './settings-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'souq-settings-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const errorOf = (text: string): string => {
  try {
    parseSettingsText(text, 'x.json');
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error('expected an error');
};

describe('loadSettingsFile', () => {
  it('reads the Sales settings shape, leaving missing keys to their defaults', () => {
    const file = write(
      'ok.json',
      JSON.stringify({
        sales: { intensity: 'aggressive', maxDiscountPercent: 10, followUps: true },
        llm: { baseUrl: 'http://127.0.0.1:11434/v1', apiKey: 'k', model: 'qwen' },
      }),
    );
    const patch = loadSettingsFile(file);
    expect(patch).toEqual({
      sales: { intensity: 'aggressive', maxDiscountPercent: 10, followUps: true },
      llm: { baseUrl: 'http://127.0.0.1:11434/v1', apiKey: 'k', model: 'qwen' },
    });
    // Merged like the settings repository does: keys the file does not name keep their defaults.
    const merged = ShopSettings.parse({ sales: { ...ShopSettings.parse({}).sales, ...patch.sales } });
    expect(merged.llm.dailyTokenCap).toBe(200_000);
    expect(merged.facts.paymentMethods).toEqual(['cash_on_delivery']);
  });

  it('accepts shop facts with delivery zones', () => {
    const patch = parseSettingsText(
      JSON.stringify({ facts: { deliveryZones: [{ name: 'Oran', fee: 700, delayDays: '2-3' }], returnPolicy: 'Échange sous 7 jours' } }),
    );
    expect(patch.facts?.deliveryZones?.[0]?.fee).toBe(700);
  });

  it('names the path and what was expected for unknown keys and wrong types', () => {
    expect(errorOf('{"sales":{"intensty":"gentle"}}')).toMatch(
      /sales\.intensty: unknown key \(expected one of: intensity, maxDiscountPercent, followUps, followUpSilenceMinutes, strategyAlgorithm\)/,
    );
    expect(errorOf('{"sale":{}}')).toMatch(/sale: unknown key \(expected one of: sales, llm, bot, facts\b/);
    expect(errorOf('{"sales":{"maxDiscountPercent":"10"}}')).toMatch(/sales\.maxDiscountPercent: expected number, got string "10"/);
    expect(errorOf('{"sales":{"intensity":"agressive"}}')).toMatch(
      /sales\.intensity: expected one of "gentle" \| "balanced" \| "aggressive", got "agressive"/,
    );
    expect(errorOf('{"sales":{"maxDiscountPercent":95}}')).toMatch(/must be at most 90, got 95/);
    expect(errorOf('{"facts":{"deliveryZones":[{"name":"Oran","fee":"cheap"}]}}')).toMatch(/facts\.deliveryZones\.0\.fee: expected number/);
  });

  it('reports broken JSON and missing files plainly', () => {
    expect(errorOf('{"sales": {')).toMatch(/is not valid JSON/);
    expect(() => loadSettingsFile(path.join(dir, 'nope.json'))).toThrow(/does not exist/);
  });
});
