/** Page ids in navigation order; plain data so Node-side tests can import it without JSX. */
export const PAGE_IDS = [
  'connect',
  'inbox',
  'orders',
  'catalog',
  'knowledge',
  'sales-settings',
  'learning',
  'analytics',
  'settings',
] as const;
export type PageId = (typeof PAGE_IDS)[number];
