import type { NormalizedInbound } from '../channels';
import type { EventBus } from '../events';
import type { Clock, Logger, Notifier } from '../ports';
import { makeIntakeGuard } from './intake-guard';
import type { IntakeJournal } from './intake-journal';
import { makeDiskProbe } from '../store';
import type { PipelineConnection } from './pipeline-lookups-store';

/** Where the guard puts what it held once the disk has space again: the pipeline (createPipeline's storeHeld, resumeWork). */
export interface HeldIntake {
  /** Stores one held message and starts its turn; throws while the disk still refuses. */
  storeHeld(message: NormalizedInbound): void;
  /** Queued turns and the outbox start again. */
  resumeWork(): void;
}

export interface PipelineStorageDeps {
  /** The pipeline's connection: the disk probe writes (and rolls back) there. */
  sqlite: PipelineConnection;
  /** Core's event bus: system/storage for the status bar. */
  bus: EventBus;
  /** Time for the held messages' order and the retry timer. */
  clock: Clock;
  /** Core's logger. */
  logger: Logger;
  /** Tells the seller the disk is full (and nothing is lost). */
  notifier: Notifier;
  /**
   * The pipeline, as a port: the guard is built first, so that everything built before the pipeline (the search
   * index, the scheduler's jobs) can report a full disk to it. It calls this port only from `restore` (the
   * pipeline's start) and from its retry timer after a fault, never while core is being built.
   */
  intake: HeldIntake;
  /** How often a write is tried again while the disk is full (default 5 s). */
  retryMs?: number;
  /** Durable holding of messages the store refused; core passes the data folder's. */
  journal?: IntakeJournal<NormalizedInbound>;
}

/** The full-disk guard of one pipeline (intake-guard.ts), its probe on the pipeline's connection. */
export function makePipelineStorage(deps: PipelineStorageDeps) {
  return makeIntakeGuard({
    clock: deps.clock,
    logger: deps.logger,
    notifier: deps.notifier,
    onChange: (state) => deps.bus.emit('system/storage', state),
    store: (message) => deps.intake.storeHeld(message),
    probe: makeDiskProbe(deps.sqlite),
    resumeWork: () => deps.intake.resumeWork(),
    ...(deps.retryMs !== undefined && { retryMs: deps.retryMs }),
    ...(deps.journal && { journal: deps.journal }),
  });
}
