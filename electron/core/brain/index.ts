// The brain's public surface: what the composition root, settings and learning use. Inside: turn.ts (what one turn
// reads and the guardrails' check), shop-brain.ts (the decision: offline plan, LLM or safe reply), llm-turn.ts (the
// LLM path), core-brain.ts (the wiring on core's store).
export { type ShopBrainDeps } from './turn';
export { makeShopBrain } from './shop-brain';
export { type CoreShopBrainConfig, makeCoreShopBrain, withCoreProductPhoto } from './core-brain';
export { apiKeySecretName } from './llm/api-key';
export { LLM_PRESETS, endpointNeedsKey, isLlmConfigured } from './llm/presets';
// Settings read once per shop, dropped when they change (create-core's settingsOf).
export { cachedSettings } from './shop-facts';
export { llmProblem } from './llm/llm-health';
// The sales lines learning's bandit and follow-ups share with the brain (the customer's language and dialect).
export { type LineVoice, lineVoice } from './line-voice';
export { backsScarcity } from './strategy-lines';
// The customer's message when the seller moves an order on (orders' handlers are given it).
export { orderStatusMessage } from './templates/order-status';
// What learning's LLM-assisted analysis reuses (the same client, spend cap and number reading).
export { type ChatClient, type MakeChatClient, makeOpenAiChatClient } from './llm/chat-client';
export { extractNumbers } from './guardrails/numbers';
export { type SpendCap, makeSpendCap, shopDay } from './usage/spend-cap';
export { makeUsageRepo } from './usage/usage-repo';
// What the LLM settings page uses: the endpoint test's error text, and the guardrails' record for the seller.
export { redactSecrets } from './llm/redact';
export { describeLlmError } from './llm/retry';
export { makeViolationsRepo } from './guardrails/violations-repo';
// Photos and voice notes without words are turns too (media-turn.ts): create-core wraps the pipeline's brain.
export { withMediaTurns } from './media-turn';
export type { Brain, BrainInput, TurnAttachment, TurnMessage } from './types';
// What learning's analysis, bandit, follow-ups and profiles use of the brain's parts.
export type { CustomerMemory } from './types';
export { makeRetriever, type Retriever } from './retrieval';
export { classifyIntent } from './nlu/intent';
export { detectLanguage } from './nlu/language';
export { nameFor } from './offline/product-name';
export { formatMoney } from './templates/format';
// A customer's erasure (contacts/delete): the brain's guardrail records and usage of them.
export { deleteContactData } from './erase-contact-data';
