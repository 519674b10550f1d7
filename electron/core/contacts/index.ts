/** The contacts domain: the one place that writes the `contacts` table (and `contacts/delete`, the one cross-domain eraser). */
export { prepareContactWrites } from './contact-writes-repo';
export type { DeleteContactData } from './erase-contact';
