import { z } from 'zod';

/** Error codes that cross the contract boundary. Stack traces never do: they stay in core's log. */
export const ErrorCode = z.enum(['invalid_input', 'unknown_method', 'not_found', 'conflict', 'unauthorized', 'unavailable', 'internal']);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ContractErrorShape = z.object({ code: ErrorCode, message: z.string() });
export type ContractErrorShape = z.infer<typeof ContractErrorShape>;

/** Thrown by core handlers for an expected failure; serialised as `{ code, message }`. */
export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ContractError';
  }

  toJSON(): ContractErrorShape {
    return { code: this.code, message: this.message };
  }
}

/** What every transport carries back for a call. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractErrorShape };

export const EnvelopeShape = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ContractErrorShape }),
]);
