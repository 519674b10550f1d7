// Who may write each table (see ARCHITECTURE.md, "One writer per table"): the one place in electron/core, folder
// (ends in /) or file, that inserts, updates or deletes its rows. `scripts/check-table-writers.mjs` finds every write
// in core (tests, test-utils and migrations aside) and refuses one from anywhere else, and a write to a table that is
// not listed here: a new table is born with an owner. There is no second writer: another domain that needs a write
// calls the owner's module. Even a customer's erasure (`contacts/delete`) writes nothing itself: it calls each
// domain's own `deleteContactData` (electron/core/contact-data.ts).

/** Files that write a table under a computed name, and why that name is theirs alone. */
export const COMPUTED_TABLE_WRITERS = {
  'catalog/import/staging-repo.ts': 'its own TEMP staging table (temp.catalog_import_N), dropped when the import ends',
};

/** @type {Record<string, { owner: string }>} */
export const TABLE_OWNERS = {
  accounts: { owner: 'accounts/' },
  analytics_days: { owner: 'analytics/' },
  analytics_dirty_hours: { owner: 'analytics/' },
  analyzed_conversations: { owner: 'learning/' },
  app_preferences: { owner: 'system/preferences.ts' },
  bandit_arms: { owner: 'learning/' },
  brain_state: { owner: 'orders/' },
  catalog_images: { owner: 'media/' },
  catalog_index_queue: { owner: 'catalog/' },
  contacts: { owner: 'contacts/' },
  contacts_fts: { owner: 'store/message-search-index.ts' },
  conversations: { owner: 'conversations/' },
  customer_profiles: { owner: 'learning/' },
  follow_ups: { owner: 'learning/' },
  guardrail_violations: { owner: 'brain/guardrails/' },
  jobs: { owner: 'learning/' },
  knowledge: { owner: 'knowledge/' },
  knowledge_chunk_words: { owner: 'knowledge/' },
  knowledge_chunks: { owner: 'knowledge/' },
  knowledge_documents: { owner: 'knowledge/' },
  knowledge_tri: { owner: 'knowledge/' },
  knowledge_words: { owner: 'knowledge/' },
  learned_sources: { owner: 'learning/' },
  llm_contact_usage: { owner: 'brain/usage/' },
  llm_usage: { owner: 'brain/usage/' },
  messages: { owner: 'pipeline/' },
  messages_fts: { owner: 'store/message-search-index.ts' },
  opt_outs: { owner: 'learning/' },
  order_items: { owner: 'orders/' },
  orders: { owner: 'orders/' },
  outbox: { owner: 'pipeline/' },
  product_variants: { owner: 'catalog/' },
  products: { owner: 'catalog/' },
  products_tri: { owner: 'catalog/' },
  products_words: { owner: 'catalog/' },
  quick_replies: { owner: 'quick-replies/' },
  search_index_state: { owner: 'store/' },
  settings: { owner: 'settings/' },
  shops: { owner: 'shops/' },
  strategy_choices: { owner: 'learning/' },
  sync_commands: { owner: 'sync/' },
  sync_devices: { owner: 'sync/' },
  transcription_usage: { owner: 'media/' },
  wa_accounts: { owner: 'channels/whatsapp/' },
  wa_auth_creds: { owner: 'channels/whatsapp/' },
  wa_auth_keys: { owner: 'channels/whatsapp/' },
  wa_contacts: { owner: 'channels/whatsapp/' },
  wa_excluded: { owner: 'channels/whatsapp/' },
  wa_sent: { owner: 'channels/whatsapp/' },
};
