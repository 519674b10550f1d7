/** The shops domain's door: the shop a call is about, and the shop's country. */
export { requireShop } from './require-shop';
export { makeShopCountryReader } from './shop-country';
