import type { z } from 'zod';
import {
  type CallName,
  type CallOutput,
  ContractError,
  type ContractErrorShape,
  type Envelope,
  type ParsedInput,
  calls,
  isCallName,
} from '../../shared/contract';
import type { Logger } from './ports';

export type Handler<K extends CallName> = (input: ParsedInput<K>) => Promise<CallOutput<K>> | CallOutput<K>;
export type HandlerMap = { [K in CallName]?: Handler<K> };

/** Names `a/b` of a zod issue path, for a readable validation message. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * The registry of handlers. Each domain registers its handlers (a short `app.ts` per domain);
 * a duplicate name is a programming error. `dispatch` is what every transport calls: it
 * validates the input with the contract's schema and never throws.
 */
export class App {
  private readonly handlers = new Map<CallName, (input: unknown) => unknown>();

  constructor(private readonly logger: Logger) {}

  register(map: HandlerMap): void {
    for (const [name, handler] of Object.entries(map)) {
      if (!isCallName(name)) throw new Error(`No contract entry for handler "${name}"`);
      if (this.handlers.has(name)) throw new Error(`Handler "${name}" registered twice`);
      this.handlers.set(name, handler as (input: unknown) => unknown);
    }
  }

  /** Names of contract calls with no handler: must be empty once core is composed. */
  missing(): CallName[] {
    return (Object.keys(calls) as CallName[]).filter((name) => !this.handlers.has(name));
  }

  async dispatch(name: string, rawInput: unknown): Promise<Envelope<unknown>> {
    if (!isCallName(name)) return fail('unknown_method', `Unknown method "${String(name).slice(0, 80)}"`);
    const handler = this.handlers.get(name);
    if (!handler) return fail('unknown_method', `Method "${name}" is not available`);
    const parsed = calls[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) return fail('invalid_input', describeIssues(parsed.error));
    try {
      const value = await handler(parsed.data);
      return { ok: true, value };
    } catch (err) {
      if (err instanceof ContractError) return { ok: false, error: err.toJSON() };
      this.logger.error({ err, method: name }, 'handler failed');
      return fail('internal', 'Something went wrong in Souqbot; the details are in its log.');
    }
  }
}

function fail(code: ContractErrorShape['code'], message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}
