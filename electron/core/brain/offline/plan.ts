import type { BrainDecision } from '../../../../shared/domain/brain';
import type { Order } from '../../../../shared/domain/orders';
import type { TurnMemo } from '../retrieval/turn-memo';
import { say } from '../templates';
import type { Brain, BrainInput } from '../types';
import type { UpstreamSlot } from './answers';
import { ORDER_ID_PLACEHOLDER, finish, newDraft } from './draft';
import type { BrainState } from './state';

/** Whether the turn may write its answer, and whether it left one unwritten. */
export interface Composing {
  allowed: boolean;
  skipped: boolean;
}

/**
 * One planned turn. Nothing is stored until the router knows which reply goes out: `commit` when
 * it is this one (memory saved, the order it announces placed), `observe` when another reply
 * replaced it (the LLM's, or a safe holding message) — then only what the customer said is kept.
 */
export interface OfflinePlan {
  decision: BrainDecision;
  /** False when the reply was not composed (PlanOptions.compose): observe only. */
  written: boolean;
  commit(): Promise<BrainDecision>;
  observe(): Promise<void>;
}

export interface PlanOptions {
  /**
   * Adjusts the memory before the turn runs (validated slots from the LLM's structured output) and
   * says which order fields it filled: the turn does not read those again from the text.
   */
  seed?: (state: BrainState) => ReadonlySet<UpstreamSlot>;
  /**
   * The turn's memo of catalog reads: the router passes one per turn so that a second plan of the
   * same turn (after the LLM read order slots) reads nothing again. Without it the plan keeps its own.
   */
  memo?: TurnMemo;
  /**
   * False when another reply is expected to go out (the LLM's): a question outside any order is
   * then not answered in words — the turn's reading (language, products, details, order steps) is
   * the same, so the plan can be observed, never committed (`written` says which). The router
   * plans again, composing, when the LLM's reply does not come.
   */
  compose?: boolean;
}

/** The offline brain, with the two-step turn the router uses. `decide` plans and commits at once. */
export interface OfflineBrain extends Brain {
  plan(input: BrainInput, options?: PlanOptions): Promise<OfflinePlan>;
}

/**
 * What a turn whose reply did not go out still teaches: the customer's language, the products
 * and details they gave. Cart, stage, offers and the shown summary stay as they were.
 */
export function observed(before: BrainState, after: BrainState): BrainState {
  return {
    ...before,
    language: after.language,
    turns: after.turns,
    introduced: after.introduced,
    lastSkus: after.lastSkus,
    slots: after.slots,
    mentions: after.mentions,
    lastNamed: after.lastNamed,
  };
}

export function announcement(order: Order): BrainDecision {
  const language = order.language ?? 'fr';
  const d = newDraft('order_request', 0.9);
  d.parts.push(say(language, 'orderDone', { name: order.customerName, id: order.id, phone: order.phone }));
  d.orderAction = 'confirm';
  d.orderItems = order.items.map((i) => ({ sku: i.sku, quantity: i.quantity, variant: i.variant }));
  d.skus.push(...order.items.map((i) => i.sku));
  d.citations.push(`order:${order.id}`);
  return finish(d, language);
}

export function withOrderNumber(decision: BrainDecision, orderId: number, items: BrainDecision['orderItems']): BrainDecision {
  return {
    ...decision,
    reply: decision.reply.replaceAll(ORDER_ID_PLACEHOLDER, String(orderId)),
    orderItems: items,
    citations: [...new Set([`order:${orderId}`, ...decision.citations])],
  };
}
