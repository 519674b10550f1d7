/** What other domains may use of the inbox: the stored file of a message's media (the server's media route). */
export { type MediaFile, parseMediaId, resolveMessageMedia } from './media-file';
