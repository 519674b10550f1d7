import type { Migration } from 'kysely';
import * as m0001 from './0001-initial';
import * as m0002 from './0002-pipeline';
import * as m0003 from './0003-catalog';
import * as m0004 from './0004-orders';
import * as m0005 from './0005-whatsapp';
import * as m0006 from './0006-llm-usage';
import * as m0007 from './0007-takeover-until';
import * as m0008 from './0008-product-archive';
import * as m0010 from './0010-shop-country';
import * as m0025 from './0025-outbox-kind';
import * as m0026 from './0026-inbox-scale';
import * as m0030 from './0030-jobs';
import * as m0031 from './0031-follow-ups';
import * as m0032 from './0032-bandit';
import * as m0033 from './0033-learned-knowledge';
import * as m0034 from './0034-customer-profiles';
import * as m0035 from './0035-analytics-indexes';
import * as m0009 from './0009-catalog-index-queue';
import * as m0045 from './0045-search-docs-one-lexicon';
import * as m0040 from './0040-app-preferences';
import * as m0041 from './0041-products-category-index';
import * as m0070 from './0070-catalog-images';
import * as m0075 from './0075-transcription-usage';
import * as m0085 from './0085-contact-search';
import * as m0055 from './0055-opt-back-in';
import * as m0056 from './0056-knowledge-documents';
import * as m0050 from './0050-analytics-rollups';
import * as m0080 from './0080-sync-devices';
import * as m0090 from './0090-product-variants';
import * as m0091 from './0091-turn-on-message-row';
import * as m0092 from './0092-outbox-holds-unsent';

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
  '0010-shop-country': m0010,
  '0025-outbox-kind': m0025,
  '0026-inbox-scale': m0026,
  '0030-jobs': m0030,
  '0031-follow-ups': m0031,
  '0032-bandit': m0032,
  '0033-learned-knowledge': m0033,
  '0034-customer-profiles': m0034,
  '0035-analytics-indexes': m0035,
  '0009-catalog-index-queue': m0009,
  '0040-app-preferences': m0040,
  '0041-products-category-index': m0041,
  '0070-catalog-images': m0070,
  '0075-transcription-usage': m0075,
  '0055-opt-back-in': m0055,
  '0056-knowledge-documents': m0056,
  '0050-analytics-rollups': m0050,
  '0045-search-docs-one-lexicon': m0045,
  '0080-sync-devices': m0080,
  '0090-product-variants': m0090,
  '0091-turn-on-message-row': m0091,
  '0092-outbox-holds-unsent': m0092,
  '0085-contact-search': m0085,
};
