import type { BrainDecision } from '../../../shared/domain/brain';
import type { OfflineBrain, OfflinePlan, PlanOptions } from './offline';
import type { Brain, BrainInput } from './types';

/**
 * The offline brain's turn as a plan the router settles once it knows which reply goes out.
 * A plain Brain (tests' stand-ins) has no two-step turn: its decision is already settled.
 */
export async function planTurn(offline: Brain | OfflineBrain, input: BrainInput, options?: PlanOptions): Promise<OfflinePlan> {
  if ('plan' in offline) return offline.plan(input, options);
  const decision = await offline.decide(input);
  return { decision, written: true, commit: async () => decision, observe: async () => {} };
}

/** The offline brain is taking an order this turn: its structured answer is the reply. */
export const isOrderTurn = (d: BrainDecision): boolean => d.intent === 'order_request' || d.orderAction !== 'none';

/** The model says the customer is ordering: only then may its items fill the cart. */
export const llmStartsOrder = (d: BrainDecision): boolean =>
  d.intent === 'order_request' || d.orderAction === 'start' || d.orderAction === 'add_item';

/**
 * An LLM reply carries no order action: orders are started, changed and placed by the
 * deterministic order flow alone, so the model's claim of one is dropped.
 */
export const withoutOrderAction = (d: BrainDecision): BrainDecision => ({ ...d, orderAction: 'none', orderItems: [] });
