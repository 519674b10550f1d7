// Types for eslint.config.js, so a test can import its named rule blocks (scripts/eslint-renderer-events.test.ts).
import type { Linter } from 'eslint';

export declare const rendererEvents: Linter.Config;
export declare const repositorySql: Linter.Config;
declare const config: Linter.Config[];
export default config;
