import type { Generated } from 'kysely';

/** Kysely table types of migrations 0003-catalog and 0008-product-archive (JSON columns are strings; see the repositories). */
export interface ProductsTable {
  id: Generated<number>;
  shop_id: number;
  sku: string;
  name: string;
  alt_names: string;
  aliases: string;
  category: string;
  price: number;
  compare_at_price: number | null;
  currency: string;
  stock: number | null;
  variants: string;
  images: string;
  description: string;
  upsell_skus: string;
  search_doc: string;
  created_at: string;
  updated_at: string;
  /** Migration 0008: when the seller archived it; null = active. */
  archived_at: string | null;
}

export interface KnowledgeTable {
  id: Generated<number>;
  shop_id: number;
  question: string;
  answer: string;
  keywords: string;
  source: 'seller' | 'learned';
  status: 'active' | 'pending' | 'dismissed';
  search_doc: string;
  created_at: string;
  updated_at: string;
}
