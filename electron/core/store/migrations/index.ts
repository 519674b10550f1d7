import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-pipeline';
import * as m0003 from './0003-catalog';
import * as m0004 from './0004-orders';
import * as m0005 from './0005-whatsapp';
import * as m0006 from './0006-llm-usage';
import * as m0007 from './0007-takeover-until';
import * as m0008 from './0008-product-archive';
import * as m0040 from './0040-app-preferences';

/**
 * Every migration, imported statically so bundling and a strict CSP cannot lose one.
 * Append-only: a landed migration is never edited; a change is a new numbered file.
 */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-pipeline': m0002,
  '0003-catalog': m0003,
  '0004-orders': m0004,
  '0005-whatsapp': m0005,
  '0006-llm-usage': m0006,
  '0007-takeover-until': m0007,
  '0008-product-archive': m0008,
  '0040-app-preferences': m0040,
};
