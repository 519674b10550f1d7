/**
 * Keys never reach a log line or a contract answer. Endpoints sometimes echo the key in an error
 * ("Incorrect API key provided: sk-…"), so error text is scrubbed before anyone sees it.
 */
const KEY_SHAPES = [/\bsk-[A-Za-z0-9_\-*]{6,}/g, /\bBearer\s+[A-Za-z0-9._\-~+/]+=*/gi, /\b(?:key|token)=[^&\s]+/gi];

export function redactSecrets(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join('[redacted]');
  }
  for (const shape of KEY_SHAPES) out = out.replace(shape, '[redacted]');
  return out;
}
