/**
 * Redaction for the diagnostics zip: a log line or a settings file may carry a secret the seller never meant to send
 * with a bug report. Known secret values are replaced wherever they appear; on top, anything shaped like one (an API
 * key, a bearer token, a token in an address, a field named like a credential, a long key-like blob) is replaced too,
 * so a secret this build does not know of is caught by its shape.
 */
export const REDACTED = '[redacted]';

/** Field names whose values are credentials (Baileys' creds use noiseKey, signedIdentityKey, advSecretKey…). */
const SECRET_FIELD =
  /(api_?key|token|secret|password|passphrase|authorization|cookie|creds|credentials|priv(ate)?_?key|noise_?key|identity_?key|pre_?key|enc_?key|mac_?key|key_?data)$/i;

const SHAPES: [RegExp, string][] = [
  [/\bsk-[A-Za-z0-9_-]{8,}/g, REDACTED],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi, `$1${REDACTED}`],
  [/([?&#](?:token|key|api_key|access_token|auth)=)[^&\s"'#]+/gi, `$1${REDACTED}`],
];

/** A run of 32+ base64/hex characters with both letters and digits: a key, a session blob, a hash of one. */
const BLOB = /[A-Za-z0-9+/_-]{32,}={0,2}/g;
const looksLikeKey = (s: string) => /\d/.test(s) && /[A-Za-z]/.test(s) && !/^[a-z_-]+$/i.test(s);

/** `"name": value` pairs with a credential's name: the value (string, number, object or array) goes. */
function redactFields(text: string): string {
  return text.replace(
    /"([^"\\]{1,80})"(\s*:\s*)("(?:[^"\\]|\\.)*"|\{[^{}]*\}|\[[^[\]]*\]|[^,}\]\s]+)/g,
    (whole, name: string, colon: string) => (SECRET_FIELD.test(name) ? `"${name}"${colon}"${REDACTED}"` : whole),
  );
}

export function redact(text: string, knownSecrets: readonly string[]): string {
  let out = text;
  // Longest first, so a secret that contains another is replaced whole.
  for (const secret of [...knownSecrets].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length))
    out = out.split(secret).join(REDACTED);
  out = redactFields(out);
  for (const [pattern, replacement] of SHAPES) out = out.replace(pattern, replacement);
  return out.replace(BLOB, (blob) => (looksLikeKey(blob) ? REDACTED : blob));
}
