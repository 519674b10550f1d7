import { z } from 'zod';
import { TranscriptionSettings } from './transcription';

/**
 * The per-shop settings document: what the Sales settings and Settings pages edit and what
 * `simulate --settings FILE.json` takes. Every key has a default, so a partial document is valid;
 * unknown keys are an error (strict), so a typo is reported instead of silently ignored.
 */
export const SalesSettings = z
  .object({
    intensity: z.enum(['gentle', 'balanced', 'aggressive']).default('balanced'),
    maxDiscountPercent: z.number().min(0).max(90).default(0),
    followUps: z.boolean().default(true),
    /** Minutes of customer silence before the one abandoned-cart follow-up (inside WhatsApp's 24 h window). */
    followUpSilenceMinutes: z.number().int().min(5).max(1_380).default(30),
    /** How the strategy bandit chooses: Thompson sampling, or the original ε-greedy (0.2, × 0.95, floor 0.02). */
    strategyAlgorithm: z.enum(['thompson', 'epsilon_greedy']).default('thompson'),
  })
  .strict();

export const LlmSettings = z
  .object({
    baseUrl: z.string().default(''),
    /** Write-only: accepted on update, never returned (see settings/get which reports apiKeySet). */
    apiKey: z.string().optional(),
    model: z.string().default(''),
    dailyTokenCap: z.number().int().nonnegative().default(200_000),
    /** LLM-answered messages per customer per day; past it the offline brain answers (protects the bill from one chatty or hostile number). */
    perCustomerDailyMessageCap: z.number().int().nonnegative().default(40),
    /** Which preset the page last applied ('custom' when the seller typed the endpoint). Informational only. */
    preset: z.string().default('custom'),
    /** The longest a customer waits on the LLM for one reply, every retry included; then the offline brain answers. */
    replyTimeLimitSeconds: z.number().min(2).max(120).default(10),
    /** LLM turns in flight at once for this endpoint; 0 = by kind (a hosted API 64, a server on this computer or the LAN 2). */
    concurrency: z.number().int().min(0).max(256).default(0),
    /** What "test connection" measured a server on this computer or the LAN to answer at once; used when `concurrency` is 0 and the address still matches. */
    measuredConcurrency: z
      .object({ baseUrl: z.string(), turns: z.number().int().min(1).max(256) })
      .nullable()
      .default(null),
    /** A model of the same endpoint that reads images ('' = none): describes customer photos the offline matcher did not recognise. */
    visionModel: z.string().default(''),
  })
  .strict();

export const PacingChoice = z.enum(['careful', 'normal', 'fast']);
export type PacingChoice = z.infer<typeof PacingChoice>;

export const BotSettings = z
  .object({
    aiEnabled: z.boolean().default(true),
    approvalMode: z.boolean().default(false),
    introduceAsAssistant: z.boolean().default(true),
    /** When the seller answers from the phone, the bot stays quiet in that chat this long (0 = until given back). */
    phoneTakeoverMinutes: z.number().int().min(0).max(10_080).default(120),
    /** Delete a customer's data after this many days without a message (0 = keep everything). */
    retentionDays: z.number().int().min(0).max(3650).default(0),
    /** How fast replies go out: careful (every send paced like a broadcast), normal, fast. Proactive messages are always careful. */
    pacing: PacingChoice.default('normal'),
  })
  .strict();

export const DeliveryZone = z
  .object({
    name: z.string().min(1),
    fee: z.number().nonnegative(),
    delayDays: z.string().default(''),
  })
  .strict();

export const ShopFacts = z
  .object({
    deliveryZones: z.array(DeliveryZone).default([]),
    paymentMethods: z.array(z.string()).default(['cash_on_delivery']),
    returnPolicy: z.string().default(''),
    openingHours: z.string().default(''),
    timeZone: z.string().default('Africa/Algiers'),
    /** The shop's own web addresses (website, Instagram page): the only links, besides catalog photos, a reply may contain. */
    shopLinks: z.array(z.string().max(500)).max(20).default([]),
  })
  .strict();

export const ShopSettings = z
  .object({
    sales: SalesSettings.default(SalesSettings.parse({})),
    llm: LlmSettings.default(LlmSettings.parse({})),
    bot: BotSettings.default(BotSettings.parse({})),
    facts: ShopFacts.default(ShopFacts.parse({})),
    transcription: TranscriptionSettings.default(TranscriptionSettings.parse({})),
  })
  .strict();
export type ShopSettings = z.infer<typeof ShopSettings>;

/** What settings/get returns: the document with the API key replaced by whether one is set. */
export const PublicShopSettings = ShopSettings.extend({
  llm: LlmSettings.omit({ apiKey: true }).extend({ apiKeySet: z.boolean() }),
  transcription: TranscriptionSettings.omit({ apiKey: true }).extend({ apiKeySet: z.boolean() }),
});
export type PublicShopSettings = z.infer<typeof PublicShopSettings>;

type PatchShape<S extends z.ZodRawShape> = {
  [K in keyof S]: z.ZodOptional<S[K] extends z.ZodDefault<infer Inner> ? Inner : S[K]>;
};

/**
 * The same fields with their defaults removed and every key optional. (zod's `.partial()` keeps
 * inner defaults, which would silently reset keys a patch does not name.)
 */
function patchOf<S extends z.ZodRawShape>(schema: z.ZodObject<S>): z.ZodObject<PatchShape<S>, z.core.$strict> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const inner = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : (field as z.ZodType);
    shape[key] = inner.optional();
  }
  return z.object(shape).strict() as unknown as z.ZodObject<PatchShape<S>, z.core.$strict>;
}

/** A partial update: each section may be partial; keys it does not name keep their value. */
export const ShopSettingsPatch = z
  .object({
    sales: patchOf(SalesSettings).optional(),
    llm: patchOf(LlmSettings).optional(),
    bot: patchOf(BotSettings).optional(),
    facts: patchOf(ShopFacts).optional(),
    transcription: patchOf(TranscriptionSettings).optional(),
  })
  .strict();
export type ShopSettingsPatch = z.infer<typeof ShopSettingsPatch>;
