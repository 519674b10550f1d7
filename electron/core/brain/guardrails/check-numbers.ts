import type { Violation } from '../../../../shared/domain/guardrails';
import { type Backing, isBacked, keyOf } from './backing';
import { type StatedNumber, extractNumbers } from './numbers';
import { findPhones, toE164 } from '../../text';

/**
 * Every number a reply states must be backed by the store; a number the customer proposed is
 * never repeated unless the store backs it — not even to refuse it.
 */
export interface NumberCheckInput {
  reply: string;
  backing: Backing;
  maxDiscountPercent: number;
  /** Every customer message of the conversation, this turn included. */
  customerTexts: string[];
  /** Numbers the customer is known by (their WhatsApp number, the phone in the order being taken). */
  customerPhones?: readonly string[];
  /** The shop's country: national numbers are read in its plan. */
  country?: string | null;
}

interface CustomerNumbers {
  /** Every value the customer wrote (prices, percentages, anything): a reply may not echo these unbacked. */
  proposed: Set<string>;
  /** Small plain numbers and phone numbers the customer gave (quantity, size, wilaya code, phone). */
  echoable: Set<string>;
  stated: StatedNumber[];
}

function readCustomerNumbers(texts: string[]): CustomerNumbers {
  const stated = texts.flatMap((t) => extractNumbers(t));
  const proposed = new Set<string>();
  const echoable = new Set<string>();
  for (const n of stated) {
    for (const v of n.values) {
      proposed.add(keyOf(v));
      if (n.kind === 'phone' || (n.kind === 'plain' && v < 100)) echoable.add(keyOf(v));
    }
  }
  return { proposed, echoable, stated };
}

/** "Cité 150 logements" repeated from the customer's address is a quotation, not a claim. */
function isQuotedFragment(n: StatedNumber, customer: CustomerNumbers): boolean {
  if (n.kind !== 'plain') return false;
  return customer.stated.some(
    (c) =>
      c.kind === 'plain' &&
      c.values.some((v) => n.values.includes(v)) &&
      ((c.nextWord !== '' && c.nextWord === n.nextWord) || (c.prevWord !== '' && c.prevWord === n.prevWord && c.prevWord.length > 2)),
  );
}

function violation(kind: Violation['kind'], n: StatedNumber, detail: string): Violation {
  return { kind, detail, fragment: n.raw };
}

function checkOne(n: StatedNumber, input: NumberCheckInput, customer: CustomerNumbers): Violation | null {
  const { backing, maxDiscountPercent } = input;
  const echoed = n.values.some((v) => customer.proposed.has(keyOf(v)));
  const echo = () =>
    violation('echoed_customer_number', n, `The reply repeats "${n.raw}", a number the customer proposed that the store does not back.`);
  switch (n.kind) {
    case 'percent': {
      if (isBacked(backing.percent, n.values) || n.values.some((v) => v <= maxDiscountPercent)) return null;
      if (echoed) return echo();
      return violation('discount_over_max', n, `The reply states ${n.raw}, above the shop's maximum discount of ${maxDiscountPercent} %.`);
    }
    case 'money':
      if (isBacked(backing.money, n.values)) return null;
      return echoed
        ? echo()
        : violation('unbacked_number', n, `The reply states the amount "${n.raw}", which no price, fee or total in the store gives.`);
    case 'stock':
      if (isBacked(backing.stock, n.values) || isBacked(backing.names, n.values)) return null;
      return echoed
        ? echo()
        : violation(
            'unbacked_number',
            n,
            `The reply states the count "${n.raw}", which no stock level or sales figure in the store gives.`,
          );
    case 'reference':
      return null;
    case 'phone':
      if (n.values.some((v) => customer.echoable.has(keyOf(v))) || isBacked(backing.plain, n.values)) return null;
      return violation('unbacked_number', n, `The reply gives the number "${n.raw}", which neither the customer nor the shop facts gave.`);
    case 'plain':
      if (isBacked(backing.plain, n.values) || n.values.some((v) => customer.echoable.has(keyOf(v))) || isQuotedFragment(n, customer))
        return null;
      return echoed ? echo() : violation('unbacked_number', n, `The reply states "${n.raw}", which nothing in the store backs.`);
  }
}

/**
 * The customer's own phone numbers, blanked out of the reply (same length, so offsets hold): an
 * order summary that shows "0770 12 34 56" for a customer who typed "07.70.12.34.56" or
 * "+213770123456" repeats their number, it states nothing the store must back.
 */
export function maskCustomerPhones(
  reply: string,
  customerTexts: readonly string[],
  customerPhones: readonly string[] = [],
  country?: string | null,
): string {
  const options = { country: country ?? null };
  const theirs = new Set<string>();
  for (const t of customerTexts) for (const p of findPhones(t, options)) theirs.add(p.e164);
  for (const p of customerPhones) {
    const e164 = toE164(p, options);
    if (e164) theirs.add(e164);
  }
  if (theirs.size === 0) return reply;
  let masked = reply;
  for (const p of findPhones(reply, options)) {
    if (theirs.has(p.e164)) masked = masked.replace(p.raw, ' '.repeat(p.raw.length));
  }
  return masked;
}

export function checkNumbers(input: NumberCheckInput): Violation[] {
  const customer = readCustomerNumbers(input.customerTexts);
  const reply = maskCustomerPhones(input.reply, input.customerTexts, input.customerPhones, input.country);
  return extractNumbers(reply).flatMap((n) => checkOne(n, input, customer) ?? []);
}

/** A price question about a known product must get one of that product's prices. */
export function statesAPriceOf(reply: string, prices: Set<string>): boolean {
  return extractNumbers(reply).some((n) => n.kind !== 'percent' && isBacked(prices, n.values));
}
