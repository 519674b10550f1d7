/** The host domain's door: command-line options, the data folder, its lock, key and private files. */
export { option } from './args';
export { defaultDataDir } from './data-dir';
export { lockDataDir } from './data-dir-lock';
export { ensurePrivateFile } from './private-files';
export { KEY_FILE, loadOrCreateKeyFile } from './encryption-key';
export { type CryptoBox, makeCryptoBox } from './crypto-box';
