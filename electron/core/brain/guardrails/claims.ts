import type { Violation } from '../../../../shared/domain/guardrails';
import type { ShopFacts } from '../../../../shared/domain/settings';
import type { z } from 'zod';
import { checkDelivery } from './claims-delivery';
import { checkPayments } from './claims-payment';
import { checkReturns } from './claims-returns';

/** Every promise the shop facts do not allow. */
export function checkPromises(reply: string, facts: z.output<typeof ShopFacts>): Violation[] {
  return [...checkPayments(reply, facts), ...checkDelivery(reply, facts), ...checkReturns(reply, facts)];
}
