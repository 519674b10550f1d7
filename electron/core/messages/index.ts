/**
 * What other domains may use of messages: the stored file of a message's media (the server's media route, a seller's
 * photo reply), and the channel id a message is stored and sent under.
 */
export { newChannelMessageId } from './message-id';
export { type MediaFile, parseMediaId, resolveMessageMedia, saveSellerPhoto } from './media-file';
