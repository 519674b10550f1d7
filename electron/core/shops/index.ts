/** What other domains may use of shops: the repository and the shop-or-not_found guard shop-scoped handlers start with. */
export { requireShop } from './require-shop';
export { type ShopsRepo, makeShopsRepo } from './shops-repo';
