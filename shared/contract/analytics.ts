import { z } from 'zod';
import { AnalyticsOverview, ExportKind, LocalDay } from '../domain/analytics';
import { Id } from '../domain/schemas';
import { call } from './define';

/** A period of whole days in the shop's time zone, both ends included, at most about two years. */
const Period = { from: LocalDay, to: LocalDay };

export const analyticsCalls = {
  'analytics/get-overview': call(
    "Every figure of the Analytics page for a period of days in the shop's time zone, with the previous period of the same length to compare.",
    z
      .object({
        shopId: Id,
        ...Period,
        compare: z.boolean().default(true),
        /** How long the seller would take to type one reply by hand (the time-saved figure). */
        typingSeconds: z.number().int().min(1).max(600).default(30),
      })
      .strict(),
    AnalyticsOverview,
  ),
  'analytics/export': call(
    'A CSV (UTF-8 with BOM, formula cells escaped) of orders with items, conversations (one row per message), contacts, or the metric tables, for a period.',
    z.object({ shopId: Id, kind: ExportKind, ...Period }).strict(),
    z.object({ filename: z.string(), csv: z.string(), rows: z.number().int().nonnegative() }),
  ),
} as const;
