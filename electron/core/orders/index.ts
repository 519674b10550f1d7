/** The orders domain's door: the orders repository, placing an order (the catalog takes its stock). */
export { type NewOrder, type OrdersRepo, makeOrdersRepo, sumLines } from './repo';
export { type PlaceOrder, makeOrderPlacer } from './place-order';
export { makeBrainStateRepo } from './brain-state-repo';
export { deleteContactData } from './erase-contact-repo';
