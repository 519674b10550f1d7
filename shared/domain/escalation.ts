/**
 * Escalation reasons core sets itself (not the brain's own words): codes the inbox shows in the
 * seller's language instead of a sentence.
 */
/** Souqbot tried to answer a turn several times and failed each time; it set the turn aside. */
export const PARKED_REASON = 'souqbot:turn-parked';
