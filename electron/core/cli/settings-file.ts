import fs from 'node:fs';
import { z } from 'zod';
import { ShopSettingsPatch } from '../../../shared/domain/settings';

/**
 * `simulate --settings FILE.json`: the shape the Sales settings page edits. Missing keys keep their
 * defaults (it is a patch); an unknown key or a wrong type is an error naming the path and what was
 * expected, so a typo never silently runs the bot with the wrong settings.
 */
export function loadSettingsFile(file: string): ShopSettingsPatch {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'ENOENT' ? `Settings file ${file} does not exist.` : `Settings file ${file} cannot be read (${code ?? 'error'}).`,
      { cause: err },
    );
  }
  return parseSettingsText(text, file);
}

/** The same check on text already read (the UI's import, tests). */
export function parseSettingsText(text: string, label = 'settings'): ShopSettingsPatch {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`Settings file ${label} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = ShopSettingsPatch.safeParse(data, { reportInput: true });
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.slice(0, 10).map(describeIssue);
  throw new Error(`Settings file ${label} has ${parsed.error.issues.length === 1 ? 'an error' : 'errors'}:\n  ${lines.join('\n  ')}`);
}

/** The keys an object at `path` accepts, for "unknown key" messages. */
function keysAt(path: ReadonlyArray<PropertyKey>): string[] {
  let schema: z.ZodType = ShopSettingsPatch;
  for (const key of path) {
    while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
    if (!(schema instanceof z.ZodObject)) return [];
    const next = (schema.shape as Record<string, z.ZodType>)[String(key)];
    if (!next) return [];
    schema = next;
  }
  while (schema instanceof z.ZodOptional) schema = schema.unwrap() as z.ZodType;
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const show = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json === undefined ? String(value) : json.length > 60 ? `${json.slice(0, 57)}...` : json;
};

const typeOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length ? issue.path.map(String).join('.') : '(top level)';
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = keysAt(issue.path);
      return issue.keys
        .map(
          (k) =>
            `${issue.path.length ? `${where}.` : ''}${k}: unknown key${allowed.length ? ` (expected one of: ${allowed.join(', ')})` : ''}`,
        )
        .join('\n  ');
    }
    case 'invalid_type':
      return `${where}: expected ${issue.expected}, got ${typeOf(issue.input)} ${show(issue.input)}`;
    case 'invalid_value':
      return `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${show(issue.input)}`;
    case 'too_big':
      return `${where}: must be at most ${String(issue.maximum)}, got ${show(issue.input)}`;
    case 'too_small':
      return `${where}: must be at least ${String(issue.minimum)}, got ${show(issue.input)}`;
    default:
      return `${where}: ${issue.message}`;
  }
}
