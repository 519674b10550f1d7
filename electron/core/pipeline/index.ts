/** The pipeline's door: the pipeline's type, the id of a message it sends, and its default send policies. */
export type { Pipeline } from './create-pipeline';
export { newChannelMessageId } from './message-id';
export { defaultPacing, defaultRateLimits } from './policies';
export { makeTranscriptRepo } from './transcript-repo';
export { deleteContactData } from './erase-contact-repo';
