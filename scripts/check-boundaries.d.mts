// Types of check-boundaries.mjs (a plain script run under node), for its test.
export function main(argv: string[], out?: { write(text: string): unknown }, err?: { write(text: string): unknown }): Promise<number>;
