/** The accounts domain: the one module that writes the `accounts` table (status included). */
export { type AccountWrites, type AccountsRepo, makeAccountsRepo, prepareAccountWrites } from './accounts-repo';
