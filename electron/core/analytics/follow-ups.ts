import type { FollowUpFigures } from '../../../shared/domain/analytics';

/**
 * Where the page's "Follow-ups and strategies" section comes from. The learning domain owns the
 * follow-up and strategy tables; it supplies an implementation (wired in create-core) that returns
 * its figures for a shop and a UTC period, or null while it has none — the page then hides the section.
 */
export interface FollowUpSource {
  figures(shopId: number, period: { fromUtc: string; toUtc: string }): FollowUpFigures | null;
}

/** No learning data yet: the section stays hidden. */
export const noFollowUps: FollowUpSource = { figures: () => null };
