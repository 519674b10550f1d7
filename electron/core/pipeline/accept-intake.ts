import type { AcceptAck, ChannelSink, NormalizedInbound } from '../channels';
import type { Clock, Logger } from '../ports';
import { makeAcceptBatcher } from './accept-batcher';
import type { CrashHook } from './crash-points';
import { IntakePausedError, type IntakeGuard, isDiskFault } from './intake-guard';
import type { AcceptResult, PipelineStore } from './pipeline-store';

/** What storing an inbound message touches. */
export interface AcceptIntakeDeps {
  /** The pipeline's transitions: accept is one transaction per message, batched into group commits. */
  store: PipelineStore;
  /** The full-disk guard: while paused, messages are held in arrival order instead of stored. */
  storage: IntakeGuard;
  /** Time for the queue row. */
  clock: Clock;
  /** Core's logger. */
  logger: Logger;
  /** Test-only crash points: after-accept, before-accept-commit. */
  crash: CrashHook;
  /** True once the pipeline stopped: nothing more is acknowledged. */
  stopped(): boolean;
  /** What follows one stored message's commit: its events and its turn (not for a duplicate). */
  accepted(result: AcceptResult): void;
  /** Group commit: most messages per transaction, and how long a batch stays open. */
  acceptBatch?: { maxBatch?: number; windowMs?: number };
}

/**
 * The sink's intake: a message is acknowledged only once it is stored, in order. `accept` joins a group commit;
 * `acceptNow` stores it in its own transaction (the channel needs the answer synchronously). A full disk holds the
 * message (journalled) and answers IntakePausedError, so the channel keeps it too.
 */
export function makeAcceptIntake(deps: AcceptIntakeDeps) {
  const { store, storage, clock } = deps;
  const afterAccept = (result: AcceptResult): AcceptAck => {
    if (!result.duplicate) {
      deps.crash('after-accept');
      deps.accepted(result);
    }
    return { messageId: result.messageId, duplicate: result.duplicate };
  };
  /** Stores one inbound message and starts its turn (one transaction; see pipeline-store accept). */
  const storeNow = (message: NormalizedInbound): AcceptAck => afterAccept(store.accept(message, clock.now().toISOString()));
  const batcher = makeHoldingBatcher(deps, afterAccept);
  const sink: Pick<ChannelSink, 'accept' | 'acceptNow'> = {
    accept(message: NormalizedInbound): Promise<AcceptAck> {
      if (deps.stopped()) return Promise.reject(new Error('Souqbot is shutting down'));
      if (storage.paused) {
        storage.hold(message, null);
        return Promise.reject(new IntakePausedError());
      }
      return batcher.accept(message).then(
        (result) => ({ messageId: result.messageId, duplicate: result.duplicate }),
        (err: unknown) => {
          if (!(err instanceof HoldInOrder) && !isDiskFault(err)) throw err;
          // Not stored, so not acknowledged as stored: held (journalled) and stored when space returns.
          storage.hold(message, err instanceof HoldInOrder ? null : err);
          throw new IntakePausedError();
        },
      );
    },
    acceptNow(message: NormalizedInbound): AcceptAck {
      // After shutdown nothing is acknowledged, so the sender's own retry delivers it again later.
      if (deps.stopped()) throw new Error('Souqbot is shutting down');
      // Paused: keep arrival order, the held messages go first.
      if (storage.paused) {
        storage.hold(message, null);
        throw new IntakePausedError();
      }
      try {
        return storeNow(message);
      } catch (err) {
        if (!isDiskFault(err)) throw err;
        // Not stored, so not acknowledged as stored: held in memory and stored when space returns.
        storage.hold(message, err);
        throw new IntakePausedError();
      }
    },
  };
  return { sink, batcher, storeHeld: (message: NormalizedInbound) => void storeNow(message) };
}

/**
 * The group commit of accepts (accept-batcher.ts), holding order while the disk refuses: once one message was refused,
 * every later one is held behind it (HoldInOrder) until intake has paused and resumed.
 */
function makeHoldingBatcher(deps: AcceptIntakeDeps, afterAccept: (result: AcceptResult) => AcceptAck) {
  const { store, storage, clock } = deps;
  let refusing = false;
  return makeAcceptBatcher<NormalizedInbound, AcceptResult>({
    transaction: (writes) => store.batch([writes]),
    inTransaction: store.inTransaction,
    write(message) {
      // The disk refused an earlier message (of this batch, or before): this one waits behind it.
      if (storage.paused || refusing) {
        refusing = !storage.paused;
        throw new HoldInOrder();
      }
      try {
        return store.accept(message, clock.now().toISOString());
      } catch (err) {
        // Until the refusal has paused intake (its promise settles after the flush), later messages are held too.
        if (isDiskFault(err)) refusing = true;
        throw err;
      }
    },
    beforeCommit: () => deps.crash('before-accept-commit'),
    committed: (_message, result) => void afterAccept(result),
    onCommittedError: (err) => deps.logger.error({ err }, 'after storing a message'),
    ...deps.acceptBatch,
  });
}

/** A message of a batch that must wait behind messages held while the disk was full. */
class HoldInOrder extends Error {}
