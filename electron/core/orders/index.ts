/** The orders domain's door: the orders repository, placing an order and the stock it takes. */
export { type NewOrder, type OrdersRepo, makeOrdersRepo, sumLines } from './repo';
export { type PlaceOrder, makeOrderPlacer } from './place-order';
export { makeBrainStateRepo } from './brain-state-repo';
export { decrementCatalogStock } from './stock';
