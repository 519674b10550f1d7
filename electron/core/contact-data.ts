import { deleteContactData as brain } from './brain';
import { deleteWhatsAppContactData as whatsapp } from './channels';
import type { DeleteContactData } from './contacts';
import { deleteContactData as conversations } from './conversations';
import { deleteContactData as knowledge } from './knowledge';
import { deleteContactData as orders } from './orders';
import { deleteContactData as pipeline } from './pipeline';

/**
 * Every domain that keeps rows about a customer, each with its own delete: `contacts/delete` runs them
 * in this order in one transaction, then removes the contacts row (rows pointing to a conversation
 * go before it; a new domain that stores a customer's data adds its delete here, or the erase test's
 * leftover check fails).
 */
export const CONTACT_DATA: Readonly<Record<string, DeleteContactData>> = {
  orders,
  brain,
  pipeline,
  conversations,
  whatsapp,
  knowledge,
};
