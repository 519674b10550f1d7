import type { AccountsTables } from './accounts/tables';
import type { AnalyticsTables } from './analytics/tables';
import type { BrainTables } from './brain/tables';
import type { CatalogTables } from './catalog/tables';
import type { WhatsAppTables } from './channels/whatsapp/tables';
import type { ContactsTables } from './contacts/tables';
import type { ConversationsTables } from './conversations/tables';
import type { SystemTables } from './system/tables';
import type { QuickRepliesTables } from './quick-replies/tables';
import type { KnowledgeTables } from './knowledge/tables';
import type { LearningTables } from './learning/tables';
import type { MediaTables } from './media/tables';
import type { OrdersTables } from './orders/tables';
import type { PipelineTables } from './pipeline/tables';
import type { SettingsTables } from './settings/tables';
import type { ShopsTables } from './shops/tables';
import { type OpenOptions, type Store as StoreOf, openStore } from './store';
import type { SyncTables } from './sync/tables';

/**
 * Core's kysely schema: every table the migrations create (FTS5 tables included, their shadow
 * tables not), assembled here where core is composed, each domain owning its tables' types in its
 * own `tables.ts`. `database.test.ts` runs every migration and fails on a table or column missing here.
 */
export interface Database
  extends
    ShopsTables,
    AccountsTables,
    ContactsTables,
    ConversationsTables,
    SettingsTables,
    PipelineTables,
    QuickRepliesTables,
    OrdersTables,
    CatalogTables,
    KnowledgeTables,
    MediaTables,
    BrainTables,
    LearningTables,
    AnalyticsTables,
    SystemTables,
    SyncTables,
    WhatsAppTables {}

/** Core's open store. */
export type Store = StoreOf<Database>;

/** Opens (creating if needed) and migrates core's store (store/open-database.ts). */
export const openDatabase = (options: OpenOptions): Promise<Store> => openStore<Database>(options);
