/** sharp (libvips) loads on first use: core's start stays light (lazy-imports.test.ts). */
const loadSharp = async () => (await import('sharp')).default;
import type { CustomerLanguage } from '../../../../shared/domain/schemas';

/** An OpenAI-compatible endpoint with a model that reads images (gpt-4o-mini, a llava on Ollama, …). */
export interface VisionEndpoint {
  baseUrl: string;
  apiKey: string | null;
  model: string;
}

const LANGUAGE_NAME: Record<CustomerLanguage, string> = {
  'ar-dz': 'Arabic',
  'dz-latn': 'French',
  ar: 'Arabic',
  fr: 'French',
  en: 'English',
  pt: 'Portuguese',
  it: 'Italian',
};

export interface DescribeOptions {
  /** The fetch used; default the global one. */
  fetch?: typeof fetch;
  /** The whole call's limit, in ms. Default 15 s. */
  timeoutMs?: number;
}

/**
 * A few catalog-search words for a photo the matcher did not recognise ("sac à main cuir noir"),
 * from the shop's vision model: retrieval then finds the product by its name and description.
 * The image goes as a small JPEG data URL (no file leaves the computer but this one image).
 * Returns null on any failure: the turn falls back to the acknowledgement and the seller.
 */
export async function describeImage(
  endpoint: VisionEndpoint,
  image: Buffer | string,
  language: CustomerLanguage,
  o: DescribeOptions = {},
): Promise<string | null> {
  const sharp = await loadSharp();
  const jpeg = await sharp(image)
    .rotate()
    .resize({ width: 768, height: 768, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer();
  const body = {
    model: endpoint.model,
    max_tokens: 60,
    temperature: 0,
    messages: [
      {
        role: 'user',
        content: [
          {
            type: 'text',
            text: `A shop customer sent this photo. Name the product it shows in at most eight ${LANGUAGE_NAME[language]} words (kind, colour, material), for a search in the shop's catalog. Answer with the words only; if no product is visible, answer NONE.`,
          },
          { type: 'image_url', image_url: { url: `data:image/jpeg;base64,${jpeg.toString('base64')}` } },
        ],
      },
    ],
  };
  try {
    const res = await (o.fetch ?? fetch)(`${endpoint.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(o.timeoutMs ?? 15_000),
    });
    if (!res.ok) return null;
    const json = (await res.json()) as { choices?: Array<{ message?: { content?: unknown } }> };
    const content = json.choices?.[0]?.message?.content;
    if (typeof content !== 'string') return null;
    // One short line of words; anything that looks like instructions or markup is cut.
    const words = content
      .replace(/[`*_#<>{}[\]"]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80);
    if (!words || /^none\b/i.test(words)) return null;
    return words;
  } catch {
    return null;
  }
}
