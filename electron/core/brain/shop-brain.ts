import type { BrainDecision } from '../../../shared/domain/brain';
import { encodeEscalations, escalation } from '../../../shared/domain/notices';
import { LOW_CONFIDENCE, applyEscalationPolicy } from './guardrails/escalation';
import { safeReply } from './guardrails/safe-reply';
import { type CheckedSlots, seedState } from './llm/slots';
import { NO_LLM, makeLlmTurn } from './llm-turn';
import type { OfflinePlan } from './offline';
import type { BrainState } from './offline/state';
import { isOrderTurn, planTurn } from './turn-plan';
import { type ShopBrainDeps, type Turn, checkTurn, readTurn, recordViolations } from './turn';
import type { Brain, BrainInput } from './types';

/**
 * The brain the pipeline calls, per shop: the LLM when the seller configured one (and the caps
 * allow), else the offline brain; guardrails after either. A failing LLM reply is regenerated once,
 * then replaced by the offline answer; if that fails too a safe reply goes out and the seller is
 * called. Every violation is recorded for the seller.
 *
 * The order is one decision: the offline brain plans each turn (cart, details, summary, the order
 * a "yes" places) and the plan is committed only when its own reply is the one that goes out; under
 * an LLM or safe reply it only observes. With an LLM the model reads the order slots, deterministic
 * code checks them (llm/slots.ts) and they seed the same offline order flow.
 */
export function makeShopBrain(deps: ShopBrainDeps): Brain {
  const llm = makeLlmTurn(deps);

  /** The offline brain's plan for this turn, or null when it failed (logged). */
  async function runOffline(
    turn: Turn,
    slots: CheckedSlots | null = null,
    startsOrder = false,
    compose = true,
  ): Promise<OfflinePlan | null> {
    try {
      return await planTurn(deps.offline, turn.input, {
        memo: turn.memo,
        compose,
        ...(slots && { seed: (state: BrainState) => seedState(state, slots, startsOrder) }),
      });
    } catch (err) {
      deps.logger.error({ err, shopId: turn.input.shopId, conversationId: turn.input.conversationId }, 'offline brain failed');
      return null;
    }
  }

  /**
   * The offline reply if it passes the guardrails — then, and only then, its plan is committed
   * (memory saved, the order it announces placed). Otherwise a safe reply goes out, the plan only
   * observes the turn, and the seller is called.
   */
  async function offlineOrSafe(turn: Turn, plan: OfflinePlan | null): Promise<BrainDecision> {
    const decision = plan?.decision ?? null;
    if (plan && decision) {
      const violations = await checkTurn(turn, decision, false);
      if (violations.length === 0) return plan.commit();
      recordViolations(deps, turn, 'offline', decision.reply, 'replaced_safe', violations);
      await plan.observe();
    }
    const language = decision?.language ?? 'fr';
    return {
      reply: safeReply(language),
      language,
      intent: decision?.intent ?? 'other',
      sentiment: decision?.sentiment ?? 'neutral',
      confidence: 0,
      salesAction: 'none',
      orderAction: 'none',
      orderItems: [],
      escalate: true,
      escalateReason: encodeEscalations([escalation('safe_reply')]),
      citations: [],
      skus: [],
      media: [],
    };
  }

  return {
    async decide(input: BrainInput): Promise<BrainDecision> {
      const turn = await readTurn(deps, input);
      // The offline brain plans every turn: it keeps the order draft and places orders, which an
      // LLM reply cannot do. While an order is being taken its structured answer is the reply; the
      // LLM, when configured, reads the order slots, which are checked and fed to that same flow.
      // With an LLM expected, the offline plan reads the turn (order steps, memory, guardrail facts)
      // but leaves a question outside any order unanswered in words: the LLM writes that reply.
      const compose = !(await llm.expected(turn));
      const first = await runOffline(turn, null, false, compose);
      const ordering = first !== null && isOrderTurn(first.decision);
      // A "yes" that places the order, or a cancel, is the customer's decision on what they were
      // shown: nothing for the model to read.
      const settled = first !== null && (first.decision.orderAction === 'confirm' || first.decision.orderAction === 'cancel');
      const outcome = settled ? NO_LLM : await llm.tryLlm(turn, first?.decision.language ?? null, ordering);
      const slots = llm.checkedSlots(turn, outcome.slots);
      const plan = slots ? ((await runOffline(turn, slots, outcome.startsOrder, compose)) ?? first) : first;
      let decision: BrainDecision;
      if (outcome.decision && !(plan && isOrderTurn(plan.decision))) {
        await plan?.observe();
        decision = outcome.decision;
      } else {
        // The LLM's reply did not come (or the offline brain takes the order): the offline reply
        // goes out, so it is written now — the turn's catalog reads come from its memo.
        const written = plan && !plan.written ? ((await runOffline(turn, slots, outcome.startsOrder)) ?? null) : plan;
        decision = await offlineOrSafe(turn, written);
      }
      return applyEscalationPolicy(decision, turn.signals, deps.lowConfidence ?? LOW_CONFIDENCE);
    },
  };
}
