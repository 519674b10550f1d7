/** The pipeline's door: the pipeline's type and its default send policies. */
export type { Pipeline } from './create-pipeline';
export { defaultPacing, defaultRateLimits } from './policies';
export { makeTranscriptRepo } from './transcript-repo';
export { deleteContactData } from './erase-contact-repo';
