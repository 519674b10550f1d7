import type { z } from 'zod';

/** One contract call: a one-line doc, the zod input core validates, the zod output it promises. */
export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly doc: string;
  readonly input: I;
  readonly output: O;
}

export const call = <I extends z.ZodType, O extends z.ZodType>(doc: string, input: I, output: O): CallSpec<I, O> => ({
  doc,
  input,
  output,
});

/** One pushed event: a one-line doc and its payload schema. */
export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly doc: string;
  readonly payload: P;
}

export const event = <P extends z.ZodType>(doc: string, payload: P): EventSpec<P> => ({ doc, payload });
