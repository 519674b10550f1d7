import { ErrorCode } from '../contract/errors';
import { ViolationKind } from './guardrails';
import { DOCUMENT_CODES, ESCALATION_CODES, IMPORT_CODES, LLM_CODES, WHATSAPP_CODES } from './notices';

/**
 * Every family of codes core can send for the seller to read, with each code's parameter
 * names. The localisation-coverage test walks this; a family added here is checked too.
 * (Its own module: schemas.ts imports notices.ts, and guardrails.ts imports schemas.ts.)
 */
const VIOLATION_CODES = Object.fromEntries(ViolationKind.options.map((k) => [k, ['fragment'] as const])) as Record<
  ViolationKind,
  readonly ['fragment']
>;
const ERROR_CODES = Object.fromEntries(ErrorCode.options.map((k) => [k, [] as const])) as Record<ErrorCode, readonly []>;

export const NOTICE_FAMILIES = {
  escalation: ESCALATION_CODES,
  whatsapp: WHATSAPP_CODES,
  import: IMPORT_CODES,
  /** Why the AI model is failing (the warning over every page). */
  llm: LLM_CODES,
  /** The honesty-check log (Sales settings). */
  violation: VIOLATION_CODES,
  /** Contract errors shown to the seller. */
  error: ERROR_CODES,
  /** Why a knowledge document was refused (sent as a contract error's message). */
  document: DOCUMENT_CODES,
} as const;
export type NoticeFamily = keyof typeof NOTICE_FAMILIES;
