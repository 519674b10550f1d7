import type { BrainDecision } from '../../shared/domain/brain';
import type { Product } from '../../shared/domain/catalog';
import type { ShopSettingsPatch } from '../../shared/domain/settings';
import { makeShopBrain, type ShopBrainDeps } from '../../electron/core/brain/index';
import { makeViolationsRepo } from '../../electron/core/brain/guardrails/violations-repo';
import type { Brain, BrainInput } from '../../electron/core/brain/types';
import { makeSpendCap } from '../../electron/core/brain/usage/spend-cap';
import { makeUsageRepo } from '../../electron/core/brain/usage/usage-repo';
import type { Logger, SecretStore } from '../../electron/core/ports';
import { apiKeySecretName } from '../../electron/core/settings/app';
import { openDatabase, type Store } from '../../electron/core/database';
import { makeSettingsRepo } from '../../electron/core/settings/settings-repo';
import { decision, modelAnswer } from '../../electron/core/test-utils/decisions';
import { product } from '../../electron/core/test-utils/guardrail-fixtures';

/** Everything a router test needs: a real store, the real router, fakes only for the other engineers' parts. */
export const API_KEY = 'sk-test-S3CRET-key-0123456789';

// The one test builder of a Product (the guardrail tests' too).
export { product };

export const CATALOG: Product[] = [
  product({
    id: 1,
    sku: 'DZ-DR-001',
    name: 'Robe de soirée rouge',
    aliases: ['robe rouge', 'fostan'],
    price: 6500,
    stock: 3,
    images: ['https://img.example/robe.jpg'],
    variants: ['S', 'M', 'L'].map((name) => ({ name, sku: null, price: null, stock: null })),
  }),
  product({ id: 2, sku: 'DZ-BG-001', name: 'Sac à main cuir noir', aliases: ['sac', 'sac noir'], price: 4500, stock: 7 }),
];

export const decisionOf = (over: Partial<BrainDecision>): BrainDecision =>
  decision({ intent: 'price_question', citations: ['product:1'], skus: ['DZ-DR-001'], ...over });

/** What a model would answer, as JSON text (photoSku is the LLM-only field). */
export const llmJson = (over: Partial<BrainDecision> & { photoSku?: string | null }) =>
  modelAnswer({ intent: 'price_question', citations: ['product:1'], skus: ['DZ-DR-001'], ...over });

function wordsOf(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );
}

export interface Harness {
  store: Store;
  brain: Brain;
  logs: string[];
  offlineCalls: BrainInput[];
  setOffline(decision: BrainDecision | Error): void;
  configure(patch: ShopSettingsPatch): Promise<void>;
  input(text: string, over?: Partial<BrainInput>): BrainInput;
  advance(ms: number): void;
  close(): Promise<void>;
}

export async function makeHarness(baseUrl: string, deps: Partial<ShopBrainDeps> = {}): Promise<Harness> {
  const store = await openDatabase({ file: ':memory:' });
  store.sqlite.prepare(`INSERT INTO shops (name, currency, created_at) VALUES ('Boutique Lina', 'DZD', '2026-01-01')`).run();
  const settings = makeSettingsRepo(store.db);
  await settings.update(
    1,
    {
      llm: { baseUrl, model: 'fake-model' },
      sales: { maxDiscountPercent: 10 },
      facts: { deliveryZones: [{ name: 'Alger', fee: 400, delayDays: '1-2' }], paymentMethods: ['cash_on_delivery'] },
    },
    '2026-01-01',
  );
  const secrets = new Map<string, string>([[apiKeySecretName(1), API_KEY]]);
  const secretStore: SecretStore = {
    get: async (name) => secrets.get(name) ?? null,
    set: async (name, value) => void secrets.set(name, value),
    delete: async (name) => void secrets.delete(name),
  };
  const logs: string[] = [];
  const capture = (level: string) => (obj: object, msg?: string) =>
    logs.push(
      `${level} ${msg ?? ''} ${JSON.stringify(obj, (_k, v: unknown) => (v instanceof Error ? { message: v.message, stack: v.stack } : v))}`,
    );
  const logger: Logger = { debug: capture('debug'), info: capture('info'), warn: capture('warn'), error: capture('error') };
  let offlineAnswer: BrainDecision | Error = decisionOf({ reply: 'La Robe de soirée rouge est à 6500 DA.' });
  const offlineCalls: BrainInput[] = [];
  const offline: Brain = {
    async decide(input) {
      offlineCalls.push(input);
      if (offlineAnswer instanceof Error) throw offlineAnswer;
      return offlineAnswer;
    },
  };
  let now = new Date('2026-11-23T10:00:00Z');
  const brain = makeShopBrain({
    offline,
    settings,
    shops: { get: async () => ({ name: 'Boutique Lina', currency: 'DZD' }) },
    secrets: secretStore,
    catalog: { getBySku: (_shopId, sku) => CATALOG.find((p) => p.sku === sku) },
    search: {
      async searchProducts(_shopId, text, k = 5) {
        const words = wordsOf(text);
        return CATALOG.filter((p) => [p.name, ...p.aliases].some((n) => [...wordsOf(n)].some((w) => words.has(w))))
          .slice(0, k)
          .map((product) => ({ product }));
      },
    },
    spendCap: makeSpendCap(makeUsageRepo(store.sqlite)),
    violations: makeViolationsRepo(store.sqlite),
    clock: { now: () => now },
    logger,
    llm: { timeoutMs: 300, retry: { attempts: 3, baseDelayMs: 5, maxDelayMs: 20 } },
    ...deps,
  });
  return {
    store,
    brain,
    logs,
    offlineCalls,
    setOffline: (d) => void (offlineAnswer = d),
    configure: async (patch) => void (await settings.update(1, patch, now.toISOString())),
    advance: (ms) => void (now = new Date(now.getTime() + ms)),
    input: (text, over = {}) => ({ shopId: 1, conversationId: 1, contactId: 1, inboundMessageIds: [1], text, history: [], now, ...over }),
    close: () => store.close(),
  };
}
