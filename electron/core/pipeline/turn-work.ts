import type { Channel } from '../channels';
import type { CrashHook } from './crash-points';
import { makeDispatcher } from './dispatcher';
import { makeEndpointGates } from './endpoint-limits';
import type { IntakeGuard } from './intake-guard';
import type { ParkedTurnsRepo } from './parked-turns-repo';
import type { PipelineDeps } from './create-pipeline';
import type { PipelineConnection } from './pipeline-lookups-store';
import type { PipelineStore } from './pipeline-store';
import { AccountSendLimiter } from './policies';
import { makeUnreadInbound } from './read-receipts-store';
import type { ShopPolicies } from './shop-policies';
import { type TurnReportsDeps, makeDispatchReporter, makeParkTurn, makeTurnReporter } from './turn-reports';
import { makeWorker } from './worker';

/** What the worker and the dispatcher share, built by createPipeline before them. */
export interface TurnWorkDeps extends TurnReportsDeps {
  /** The pipeline's connection (the dispatcher reads the messages a reply answers from it). */
  sqlite: PipelineConnection;
  /** The pipeline's transitions: turns taken and finished, sends marked. */
  store: PipelineStore;
  /** Each shop's send policy and settings, read synchronously. */
  policies: ShopPolicies;
  /** Test-only crash points. */
  crash: CrashHook;
  /** The channel serving each account (attachChannel fills it). */
  channels: ReadonlyMap<number, Channel>;
  /** Turns that kept failing, set aside. */
  parked: ParkedTurnsRepo;
  /** Where a write failure is reported (a full disk pauses intake). */
  storage: IntakeGuard;
}

type Options = Pick<
  PipelineDeps,
  'brain' | 'settingsOf' | 'clock' | 'retry' | 'transcribe' | 'concurrency' | 'sleep' | 'rateFactor' | 'resolveMedia' | 'afterStore'
>;

/**
 * The dispatcher (sends) and the worker (turns). The dispatcher comes first: a finished turn wakes its reply's send.
 * Both run work only after createPipeline returns (start, or a stored message), so nothing here waits on later parts.
 */
export function makeTurnWork(options: Options, deps: TurnWorkDeps) {
  const { store, policies, crash, logger } = deps;
  const { clock } = options;
  const dispatcher = makeDispatcher({
    store,
    ...(options.resolveMedia && { resolveMedia: options.resolveMedia }),
    unreadBefore: makeUnreadInbound(deps.sqlite),
    channelFor: (accountId) => deps.channels.get(accountId) ?? null,
    clock,
    logger,
    limiters: {
      reply: new AccountSendLimiter((accountId) => policies.policyOfAccount(accountId).reply),
      proactive: new AccountSendLimiter((accountId) => policies.policyOfAccount(accountId).proactive, Math.random, options.rateFactor),
    },
    policyOf: policies.policyOf,
    crash,
    // Sends mostly wait (typing, the channel): many conversations at once, the account limiters keep the pace.
    concurrency: options.concurrency ?? 256,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    onDispatch: makeDispatchReporter(deps),
  });
  const worker = makeWorker({
    park: makeParkTurn(deps, deps.parked),
    onError: (err) => void deps.storage.report(err),
    ...(options.retry && { retry: options.retry }),
    ...(options.transcribe && { transcribe: options.transcribe }),
    store,
    brain: options.brain,
    settingsOf: options.settingsOf,
    clock,
    logger,
    policyOf: policies.policyOf,
    gates: makeEndpointGates(),
    crash,
    concurrency: options.concurrency ?? 256,
    onTurn: makeTurnReporter({
      ...deps,
      ...(options.afterStore && { afterStore: options.afterStore }),
      markOutbound: (id) => dispatcher.mark(id),
    }),
  });
  return { worker, dispatcher };
}
