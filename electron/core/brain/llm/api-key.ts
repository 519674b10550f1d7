/** The secret that holds a shop's LLM API key: the Settings page writes it, the brain and learning read it. */
export const apiKeySecretName = (shopId: number) => `shop-${shopId}-llm-api-key`;
