/** What other domains may use of the pipeline without its internals: the id a message is sent under. */
export { newChannelMessageId } from './message-id';
