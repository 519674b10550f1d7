import type { WritableSqlite } from '../store';
import { deleteViolationsOf } from './guardrails/erase-contact-repo';
import { deleteContactUsage } from './usage/erase-contact-repo';

/** A customer's erasure, the brain's part (contacts/delete calls it in its transaction): guardrail records and usage. */
export function deleteContactData(
  tx: WritableSqlite,
  { shopId, contactId, conversationIds }: { shopId: number; contactId: number; conversationIds: readonly number[] },
): Record<string, never> {
  deleteViolationsOf(tx, conversationIds);
  deleteContactUsage(tx, shopId, contactId);
  return {};
}
