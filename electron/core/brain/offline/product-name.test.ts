import { describe, expect, it } from 'vitest';
import { nameFor } from './product-name';

describe('nameFor', () => {
  const watch = { name: 'Montre homme acier', altNames: ['ساعة رجالية فولاذ'] };
  it('gives Arabic-script customers the Arabic name when the catalog has one', () => {
    expect(nameFor(watch, 'ar')).toBe('ساعة رجالية فولاذ');
    expect(nameFor(watch, 'ar-dz')).toBe('ساعة رجالية فولاذ');
  });
  it('keeps the catalog name for Latin-script customers and when no Arabic name exists', () => {
    expect(nameFor(watch, 'dz-latn')).toBe('Montre homme acier');
    expect(nameFor(watch, 'fr')).toBe('Montre homme acier');
    expect(nameFor({ name: 'Curso Excel', altNames: [] }, 'ar')).toBe('Curso Excel');
  });
});

describe('Arabic names through the offline brain', () => {
  it('uses the Arabic name in an order summary and a greeting that names a product gets an answer', async () => {
    const { spawnSync } = await import('node:child_process');
    const path = await import('node:path');
    const root = path.resolve(import.meta.dirname, '../../../..');
    const input = [
      { from: '+213661000006', text: 'بغيت نطلب كريم الأرغان' },
      { from: '+213661000001', text: 'salam, robe kabyle' },
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(root, 'electron/core/cli.ts'),
        'simulate',
        '--catalog',
        path.join(root, 'tests/fixtures/catalog-dz-fashion.csv'),
      ],
      { input, cwd: root, encoding: 'utf8' },
    );
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { reply: string; intent: string; skus: string[] });
    expect(out[0]?.reply).toContain('كريم الأرغان المرطب');
    expect(out[0]?.reply).not.toContain('Crème hydratante');
    expect(out[1]).toMatchObject({ intent: 'availability', skus: ['DZ-DR-002'] });
    expect(out[1]?.reply).toMatch(/9[\s\u202f.]?800/);
  }, 60_000);
});
