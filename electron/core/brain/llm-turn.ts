import type { BrainDecision } from '../../../shared/domain/brain';
import type { Violation } from '../../../shared/domain/guardrails';
import { apiKeySecretName } from './llm/api-key';
import { makeOpenAiChatClient } from './llm/chat-client';
import { makeLlmBrain } from './llm/llm-brain';
import { llmProblem } from './llm/llm-health';
import { isLlmConfigured } from './llm/presets';
import { buildPrompt } from './llm/prompt';
import { redactSecrets } from './llm/redact';
import { describeLlmError } from './llm/retry';
import { type CheckedSlots, type RawSlots, checkSlots, hasSlots } from './llm/slots';
import { llmStartsOrder, withoutOrderAction } from './turn-plan';
import { type ShopBrainDeps, type Turn, checkTurn, recordViolations } from './turn';
import { shopDay } from './usage/spend-cap';

// The shop brain's LLM path: whether the shop's model is expected this turn, its reply (checked by the guardrails,
// regenerated once) and the order slots it read, checked by deterministic code before the offline flow uses them.

/** What the LLM gave this turn: a reply that passed the guardrails (or none), and the slots it read. */
export interface LlmOutcome {
  decision: BrainDecision | null;
  slots: RawSlots | null;
  startsOrder: boolean;
}

export const NO_LLM: LlmOutcome = { decision: null, slots: null, startsOrder: false };

export interface LlmTurn {
  /** The shop's LLM is configured and not cooling down: its reply is expected this turn. */
  expected(turn: Turn): Promise<boolean>;
  /**
   * The LLM's answer if one passes the guardrails (two tries), and the order slots it read. With
   * `slotsOnly` (the offline brain is taking the order and writes the reply) one call is made and
   * its reply is not used.
   */
  tryLlm(turn: Turn, languageHint: BrainDecision['language'] | null, slotsOnly: boolean): Promise<LlmOutcome>;
  /** The model's slots after the deterministic checks; what fails is logged and dropped. */
  checkedSlots(turn: Turn, raw: RawSlots | null): CheckedSlots | null;
}

/** Who is asking, as the prompt tells the model: the customer's stored profile and the bandit's strategy for them. */
async function persona(deps: Pick<ShopBrainDeps, 'profile' | 'strategy'>, { input }: Turn) {
  const [profile, strategy] = await Promise.all([
    input.profile
      ? { name: input.profile.name, city: input.profile.wilaya, orders: input.profile.orders, interests: input.profile.interests }
      : (deps.profile?.(input.shopId, input.contactId) ?? null),
    input.strategy ?? deps.strategy?.(input.shopId, input.contactId) ?? null,
  ]);
  return { profile, strategy };
}

/** The prompt of one try: the turn's facts, who is asking, and what the guardrails refused in the try before. */
function promptFor(
  turn: Turn,
  { profile, strategy }: Awaited<ReturnType<typeof persona>>,
  corrections: Violation[],
  languageHint: BrainDecision['language'] | null,
) {
  const { input, settings } = turn;
  return buildPrompt({
    shop: turn.shop ?? { name: 'the shop', currency: '' },
    settings,
    products: turn.products,
    knowledge: turn.knowledge,
    profile,
    history: input.history,
    text: input.text,
    strategy,
    corrections,
    languageHint,
    passages: turn.passages,
  });
}

/**
 * One time budget for the whole turn, every try and the regeneration included (real time, not the turn clock: the
 * simulator's virtual clock must not stretch it).
 */
function turnBudget(deps: Pick<ShopBrainDeps, 'llm'>, seconds: number) {
  const now = deps.llm?.monotonicNow ?? (() => performance.now());
  const ms = seconds * 1000;
  return { ms, deadline: now() + ms, now };
}

export function makeLlmTurn(deps: ShopBrainDeps): LlmTurn {
  const timeoutMs = deps.llm?.timeoutMs ?? 20_000;
  const cooldownMs = deps.llm?.cooldownMs ?? 60_000;
  // Per shop: when its endpoint last failed outright. A dead or hanging endpoint must not make every
  // customer wait through the retries; after the cool-down the next message tries again.
  const failedUntil = new Map<number, number>();
  const llm = makeLlmBrain({
    makeClient: deps.makeClient ?? makeOpenAiChatClient,
    timeoutMs,
    retry: { attempts: 3, baseDelayMs: 500, maxDelayMs: 8_000, ...deps.llm?.retry },
    maxTokens: deps.llm?.maxTokens ?? 600,
    temperature: 0.3,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
  });

  /** The shop's LLM is configured and not cooling down: its reply is expected this turn. */
  async function expected(turn: Turn): Promise<boolean> {
    const { input, settings } = turn;
    const apiKey = await deps.secrets.get(apiKeySecretName(input.shopId));
    return (
      isLlmConfigured(settings.llm.baseUrl, settings.llm.model, apiKey) &&
      (failedUntil.get(input.shopId) ?? 0) <= deps.clock.now().getTime()
    );
  }

  /** The endpoint failed every retry: logged (its key redacted), the seller warned, and the shop cools down. */
  function endpointFailed({ input, settings }: Turn, err: unknown, apiKey: string | null) {
    const reason = redactSecrets(describeLlmError(err, settings.llm.baseUrl, timeoutMs), [apiKey]);
    deps.logger.warn(
      { shopId: input.shopId, conversationId: input.conversationId, reason, cooldownMs },
      'LLM failed; offline brain answers',
    );
    failedUntil.set(input.shopId, deps.clock.now().getTime() + cooldownMs);
    deps.llmHealth?.failed(input.shopId, llmProblem(err, settings.llm.baseUrl, timeoutMs));
  }

  async function tryLlm(turn: Turn, languageHint: BrainDecision['language'] | null, slotsOnly: boolean): Promise<LlmOutcome> {
    const { input, settings } = turn;
    const apiKey = await deps.secrets.get(apiKeySecretName(input.shopId));
    if (!isLlmConfigured(settings.llm.baseUrl, settings.llm.model, apiKey)) return NO_LLM;
    if ((failedUntil.get(input.shopId) ?? 0) > deps.clock.now().getTime()) return NO_LLM;
    const day = shopDay(input.now, settings.facts.timeZone);
    const limits = { dailyTokenCap: settings.llm.dailyTokenCap, perCustomerDailyMessageCap: settings.llm.perCustomerDailyMessageCap };
    const who = await persona(deps, turn);
    const photoProducts = new Map(turn.products.map((p) => [p.sku, p]));
    const budget = turnBudget(deps, settings.llm.replyTimeLimitSeconds);
    let corrections: Violation[] = [];
    let outcome: LlmOutcome = NO_LLM;
    for (const source of ['llm', 'llm_retry'] as const) {
      const cap = deps.spendCap.check(input.shopId, input.contactId, day, limits);
      if (!cap.allowed) {
        deps.logger.info(
          { shopId: input.shopId, contactId: input.contactId, reason: cap.reason },
          'LLM cap reached; offline brain answers',
        );
        return outcome;
      }
      const messages = promptFor(turn, who, corrections, languageHint);
      let decision: BrainDecision;
      try {
        const answer = await llm.decideTurn({
          endpoint: { baseUrl: settings.llm.baseUrl, apiKey, model: settings.llm.model },
          messages,
          photoProducts,
          budget,
          onTokens: (tokens) => deps.spendCap.recordCall(input.shopId, day, tokens),
        });
        decision = answer.decision;
        outcome = { decision: null, slots: answer.slots ?? outcome.slots, startsOrder: outcome.startsOrder || llmStartsOrder(decision) };
      } catch (err) {
        endpointFailed(turn, err, apiKey);
        return outcome;
      }
      failedUntil.delete(input.shopId);
      deps.llmHealth?.succeeded(input.shopId);
      if (slotsOnly) {
        deps.spendCap.recordAnswered(input.shopId, input.contactId, day);
        return outcome;
      }
      const violations = await checkTurn(turn, decision, true);
      if (violations.length === 0) {
        deps.spendCap.recordAnswered(input.shopId, input.contactId, day);
        return { ...outcome, decision: withoutOrderAction(decision) };
      }
      recordViolations(deps, turn, source, decision.reply, source === 'llm' ? 'regenerated' : 'replaced_offline', violations);
      corrections = violations;
    }
    return outcome;
  }

  /** The model's slots after the deterministic checks; what fails is logged and dropped. */
  function checkedSlots(turn: Turn, raw: RawSlots | null): CheckedSlots | null {
    if (!raw) return null;
    const { slots, rejected } = checkSlots(raw, {
      customerText: turn.customerTexts.join('\n'),
      bySku: (sku) => turn.sources.catalog.getBySku(turn.input.shopId, sku),
      settings: turn.settings,
    });
    if (rejected.length)
      deps.logger.info({ shopId: turn.input.shopId, conversationId: turn.input.conversationId, rejected }, 'LLM order slots refused');
    return hasSlots(slots) ? slots : null;
  }

  return { expected, tryLlm, checkedSlots };
}
