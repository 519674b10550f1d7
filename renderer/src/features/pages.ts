import type { ComponentType } from 'react';
import type { IconName } from '../components/Icon';
import { AnalyticsPage } from './analytics/AnalyticsPage';
import { CatalogPage } from './catalog/CatalogPage';
import { ConnectPage } from './connect/ConnectPage';
import { InboxPage } from './inbox/InboxPage';
import { KnowledgePage } from './knowledge/KnowledgePage';
import { LearningPage } from './learning/LearningPage';
import { OrdersRoute } from './orders/OrdersRoute';
import { SalesSettingsPage } from './sales-settings/SalesSettingsPage';
import { SettingsPage } from './settings/SettingsPage';

import { PAGE_IDS, type PageId } from './page-ids';

export { PAGE_IDS, type PageId };

export interface PageDef {
  id: PageId;
  icon: IconName;
  component: ComponentType;
}

/** Every page in navigation order; each lives in features/<id>/ and owns its strings. */
export const pages: readonly PageDef[] = [
  { id: 'connect', icon: 'connect', component: ConnectPage },
  { id: 'inbox', icon: 'inbox', component: InboxPage },
  { id: 'orders', icon: 'orders', component: OrdersRoute },
  { id: 'catalog', icon: 'catalog', component: CatalogPage },
  { id: 'knowledge', icon: 'knowledge', component: KnowledgePage },
  { id: 'sales-settings', icon: 'sales-settings', component: SalesSettingsPage },
  { id: 'learning', icon: 'learning', component: LearningPage },
  { id: 'analytics', icon: 'analytics', component: AnalyticsPage },
  { id: 'settings', icon: 'settings', component: SettingsPage },
];

export const DEFAULT_PAGE: PageId = 'inbox';

export const isPageId = (value: string): value is PageId => (PAGE_IDS as readonly string[]).includes(value);

/** `#/catalog` → 'catalog'; anything else → the default page. */
export function pageFromHash(hash: string): PageId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isPageId(id) ? id : DEFAULT_PAGE;
}
