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
