import type { PageId } from '../page-ids';

/** The pages of the phone app: what a paired device may read and act on (see shared/sync/allowlist.ts). */
export const DEVICE_PAGES: readonly PageId[] = ['inbox', 'orders'];
