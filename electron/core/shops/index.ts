/** The shops domain's door: the repository, the shop-or-not_found guard shop-scoped handlers start with, and the shop's country. */
export { requireShop } from './require-shop';
export { type ShopsRepo, makeShopsRepo } from './shops-repo';
export { makeShopCountryReader } from './shop-country';
export { makeShopCountryRepo } from './country-repo';
