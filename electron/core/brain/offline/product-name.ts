import type { Voice } from '../templates/types';
import { isArabicScript } from '../templates/format';
import type { Product } from '../../../../shared/domain/catalog';

const ARABIC = /[\u0600-\u06ff]/;

/**
 * The product's name as this customer reads it: an Arabic-script customer gets the catalog's
 * Arabic name when it has one ("ساعة رجالية فولاذ", not "Montre homme acier"); everyone else
 * the catalog's own name.
 */
export function nameFor(p: Pick<Product, 'name' | 'altNames'>, language: Voice): string {
  if (isArabicScript(language) && !ARABIC.test(p.name)) {
    return p.altNames.find((n) => ARABIC.test(n)) ?? p.name;
  }
  return p.name;
}
