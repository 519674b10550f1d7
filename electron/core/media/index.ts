/**
 * The media domain's door: catalog images kept in the data folder, the offline photo matcher,
 * the vision fallback, and what a media-only turn means for the brain.
 */
export { makeCatalogImages } from './images/catalog-images';
export type { CatalogImages, CatalogProductsPort, PhotoIdentification, SyncReport } from './images/catalog-images';
export { makeCatalogImagesRepo } from './images/catalog-images-repo';
export { makeMediaUnderstanding } from './understand';
export type { MediaTurnMessage } from './understand';
export { makeOutgoingMediaResolver } from './outgoing';
export type { VisionEndpoint } from './vision/describe';
/** The reply bar's photos: resized and size-capped like catalog images, to their own limits. */
export { NotAnImageError, REPLY_PHOTO_LIMITS, normalizeCatalogImage as normalizeImage } from './images/normalize';
