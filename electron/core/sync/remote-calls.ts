import type { Envelope } from '../../../shared/contract';
import type { Clock, Logger } from '../ports';
import { DEVICE_WRITES, isDeviceCall } from './allowlist';
import type { CommandsRepo } from './commands-repo';

/** A command as a device sends it, inside the sealed payload. */
export interface RemoteCommand {
  /** Chosen by the device once per command and kept across retries: the idempotency key. */
  commandId: string;
  name: string;
  input: unknown;
}

export interface RemoteCallsDeps {
  /** The same path as local calls (App.dispatch): the contract's zod schema validates the input there. */
  dispatch(name: string, input: unknown): Promise<Envelope<unknown>>;
  /** sync_commands: a device's command runs once per (device, command id), and is the audit trail. */
  commands: CommandsRepo;
  /** Time stamped on each recorded command. */
  clock: Clock;
  /** Core's logger: refused commands. */
  logger: Logger;
}

const refused = (name: string): Envelope<never> => ({
  ok: false,
  error: { code: 'unauthorized', message: `"${name.slice(0, 80)}" cannot be done from a paired device` },
});

/**
 * Runs a device's command: refused unless the allowlist names it; a write runs at most once per
 * (device, command id) and every write or refusal is written to the audit trail with the device.
 */
export function makeRemoteCalls(deps: RemoteCallsDeps) {
  const now = () => deps.clock.now().toISOString();
  // A copy that arrives while the first still runs (the phone sent it again on reconnect) waits for the same answer.
  const inflight = new Map<string, Promise<Envelope<unknown>>>();
  return async function runRemote(deviceId: number, command: RemoteCommand): Promise<Envelope<unknown>> {
    const { commandId, name } = command;
    if (!isDeviceCall(name)) {
      if (deps.commands.claim(deviceId, commandId, name.slice(0, 80), now())) {
        deps.commands.finish(deviceId, commandId, 'refused', 'unauthorized', JSON.stringify(refused(name)), now());
      }
      deps.logger.warn({ deviceId, method: name.slice(0, 80) }, 'a paired device asked for a call outside its allowlist');
      return refused(name);
    }
    // Reads change nothing: they run each time and stay out of the audit trail.
    if (!DEVICE_WRITES.has(name)) return deps.dispatch(name, command.input);
    const key = `${deviceId}:${commandId}`;
    const running = inflight.get(key);
    if (running) return running;
    if (!deps.commands.claim(deviceId, commandId, name, now())) {
      const seen = deps.commands.get(deviceId, commandId);
      if (seen?.answer) return JSON.parse(seen.answer) as Envelope<unknown>;
      // Claimed but never finished (core stopped mid-command): never run it a second time.
      return { ok: false, error: { code: 'conflict', message: 'This command was already received; check the conversation' } };
    }
    const pending = deps.dispatch(name, command.input);
    inflight.set(key, pending);
    let answer: Envelope<unknown>;
    try {
      answer = await pending;
    } finally {
      inflight.delete(key);
    }
    const state = answer.ok ? 'done' : 'failed';
    deps.commands.finish(deviceId, commandId, state, answer.ok ? null : answer.error.code, JSON.stringify(answer), now());
    deps.logger.info({ deviceId, method: name, commandId, ok: answer.ok }, 'command from a paired device');
    return answer;
  };
}
