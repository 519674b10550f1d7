/** The server domain's door: the token a browser tab presents. */
export { loadOrCreateToken } from './token';
