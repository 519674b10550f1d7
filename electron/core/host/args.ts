/** Reads `--name value` / `--name=value` from argv, else the environment variable, else undefined. */
export function option(argv: readonly string[], name: string, envName?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const flag = `--${name}`;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === flag) return argv[i + 1];
    if (arg?.startsWith(`${flag}=`)) return arg.slice(flag.length + 1);
  }
  return envName ? env[envName] || undefined : undefined;
}

export function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: "${raw}"`);
  return port;
}
