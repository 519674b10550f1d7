/**
 * A value stored as JSON, read with its schema: missing, unparsable or no longer valid (hand-edited, written by an
 * older build) gives the fallback instead of an error, so a damaged preference never stops core from starting.
 */
export function parseStoredJson<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  raw: string | undefined,
  fallback: T,
): T {
  if (raw === undefined) return fallback;
  try {
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : fallback;
  } catch {
    return fallback;
  }
}
