import type { LlmPreset } from '../../../../shared/domain/llm';

/** Endpoints sellers actually use. Base URLs are the OpenAI-compatible roots (the SDK appends /chat/completions). */
export const LLM_PRESETS: readonly LlmPreset[] = [
  {
    id: 'openrouter',
    label: 'OpenRouter',
    baseUrl: 'https://openrouter.ai/api/v1',
    defaultModel: 'openai/gpt-4o-mini',
    needsApiKey: true,
    hint: 'Create a key at openrouter.ai/keys; one key reaches many models.',
  },
  {
    id: 'openai',
    label: 'OpenAI',
    baseUrl: 'https://api.openai.com/v1',
    defaultModel: 'gpt-4o-mini',
    needsApiKey: true,
    hint: 'Create a key at platform.openai.com/api-keys.',
  },
  {
    id: 'ollama',
    label: 'Ollama (this computer)',
    baseUrl: 'http://127.0.0.1:11434/v1',
    defaultModel: 'qwen2.5:7b-instruct',
    needsApiKey: false,
    hint: 'Install Ollama, then run: ollama pull qwen2.5:7b-instruct. No key needed.',
  },
  {
    id: 'lmstudio',
    label: 'LM Studio (this computer)',
    baseUrl: 'http://127.0.0.1:1234/v1',
    defaultModel: 'qwen2.5-7b-instruct',
    needsApiKey: false,
    hint: 'Load a model in LM Studio and start its local server. No key needed.',
  },
];

const LOCAL_HOST =
  /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|[\w-]+\.local)$/i;

/** Local servers (Ollama, LM Studio, a LAN box) take no key; anything else is assumed to need one. */
export function endpointNeedsKey(baseUrl: string): boolean {
  try {
    return !LOCAL_HOST.test(new URL(baseUrl).hostname);
  } catch {
    return true;
  }
}

/** The LLM brain is on when the seller gave an endpoint, a model and, where needed, a key. */
export function isLlmConfigured(baseUrl: string, model: string, apiKey: string | null): boolean {
  if (!baseUrl.trim() || !model.trim()) return false;
  return Boolean(apiKey) || !endpointNeedsKey(baseUrl);
}
