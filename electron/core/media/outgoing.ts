import type { OutgoingMedia } from '../../../shared/domain/brain';
import type { CatalogImages } from './images/catalog-images';
import { LOCAL_IMAGE_SCHEME } from './images/catalog-images';

/**
 * What a product photo the brain chose becomes at send time: the stored local copy when there is
 * one (WhatsApp gets the resized file, no second download), else the web address as before. A
 * picked-from-disk image whose file is gone cannot be sent: the text goes alone.
 */
export function makeOutgoingMediaResolver(images: Pick<CatalogImages, 'localFile'>) {
  return (shopId: number, media: OutgoingMedia): OutgoingMedia | null => {
    const file = images.localFile(shopId, media.url);
    if (file) return { ...media, url: file };
    return media.url.startsWith(LOCAL_IMAGE_SCHEME) ? null : media;
  };
}
