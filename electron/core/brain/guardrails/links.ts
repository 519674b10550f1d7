import type { Violation } from '../../../../shared/domain/guardrails';

/**
 * "Links: only the shop's own and the catalog's." A reply written by an LLM can be steered (by a
 * customer, a poisoned product page) into sending a phishing link; the offline brain never writes
 * one. Every web address in a reply must be a catalog image of the turn's products or sit on a host
 * the seller listed as the shop's own (website, Instagram page, …). Pure.
 */
export interface LinkCheckInput {
  reply: string;
  /** The shop's own addresses from the settings (any path on their hosts is fine). */
  shopLinks: readonly string[];
  /** Image URLs of the products the turn is about (exact addresses). */
  imageUrls: readonly string[];
}

/**
 * Top-level domains a bare address ("secure-pay.top/login") ends with: common generic ones and the
 * country codes of the shops' markets. An address with a scheme or "www." needs none of them.
 */
const TLDS =
  'com|net|org|info|biz|io|co|me|ly|link|xyz|top|site|online|shop|store|app|dev|live|click|page|club|vip|icu|buzz|cc|tk|ml|ga|cf|gq|ru|cn|su|ws|to|gl|gg|sh|st|tv|pw|win|bid|work|support|help|services|secure|bank|pay|money|dz|ma|tn|eg|sa|ae|qa|fr|be|ch|pt|br|it|es|de|uk|us|ca|ao|mz|cv|eu';
const URL_PATTERN = new RegExp(
  String.raw`(?:https?:\/\/|www\.)[^\s<>"'«»()\[\]]+|\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:${TLDS})\b(?:\/[^\s<>"'«»()\[\]]*)?`,
  'giu',
);

/** The addresses a text contains, trailing punctuation trimmed. */
export function linksIn(text: string): string[] {
  return [...text.matchAll(URL_PATTERN)].map((m) => m[0].replace(/[.,;:!?؟،)]+$/u, ''));
}

/** Host of an address with or without a scheme, lower case, "www." dropped; null if unparseable. */
function hostOf(address: string): string | null {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `http://${address}`;
  try {
    return new URL(withScheme).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

const sameAddress = (a: string, b: string) =>
  a.replace(/^https?:\/\//i, '').replace(/\/+$/, '') === b.replace(/^https?:\/\//i, '').replace(/\/+$/, '');

/** Host and path of an address (path without trailing slash, lower case); null if unparseable. */
function partsOf(address: string): { host: string; path: string } | null {
  const host = hostOf(address);
  if (!host) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `http://${address}`;
  return { host, path: new URL(withScheme).pathname.replace(/\/+$/, '').toLowerCase() };
}

/**
 * The shop's own: a bare site ("gsm-corner.ma") owns every page of it and its subdomains; a page
 * on a shared platform ("instagram.com/gsmcorner") owns only itself and what lies under it.
 */
function isShopOwn(link: string, own: ReadonlyArray<{ host: string; path: string }>): boolean {
  const parts = partsOf(link);
  if (!parts) return false;
  return own.some((o) =>
    o.path === ''
      ? parts.host === o.host || parts.host.endsWith(`.${o.host}`)
      : parts.host === o.host && (parts.path === o.path || parts.path.startsWith(`${o.path}/`)),
  );
}

export function checkLinks(input: LinkCheckInput): Violation[] {
  const own = input.shopLinks.map(partsOf).filter((p): p is { host: string; path: string } => p !== null);
  const out: Violation[] = [];
  for (const link of linksIn(input.reply)) {
    if (input.imageUrls.some((url) => sameAddress(url, link))) continue;
    if (isShopOwn(link, own)) continue;
    out.push({
      kind: 'foreign_link',
      detail: 'The reply contains a web address that is neither the shop’s own nor a catalog photo.',
      fragment: link,
    });
  }
  return out;
}
