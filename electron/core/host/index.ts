/**
 * The host domain's door: command-line options, the data folder, its key and private files (the folder's
 * lock is a SQLite connection, so it is the store's: store/data-dir-lock.ts).
 */
export { option } from './args';
export { defaultDataDir } from './data-dir';
export { ensurePrivateFile } from './private-files';
export { KEY_FILE, loadOrCreateKeyFile } from './encryption-key';
export { type CryptoBox, makeCryptoBox } from './crypto-box';
