/** Places come from the one gazetteer in the language layer (electron/core/text/places.ts). */
export { type Place, type PlaceOptions, WILAYA_COUNT, findPlace, placeByName, placeSpan, samePlace } from '../../text';
