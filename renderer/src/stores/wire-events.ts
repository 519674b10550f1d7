import type { AppServices } from '../app/services';
import { PAGE_EVENTS, type PageEvent } from './pushed-store';

/**
 * The one module that subscribes to the client's pushed events (eslint.config.js refuses `client.subscribe` anywhere
 * else in the renderer). An event an app-wide store owns is applied to that store here; the events followed elsewhere
 * (PAGE_EVENTS: pages, their own stores, the desk model's notices) land in `services.pushed`, which they follow
 * (`useOnPushed`, `followPushed`). Returns a function that detaches everything (tests, hot reload).
 */
export function wireEvents(services: AppServices): () => void {
  const { client, session, inbox, testPhone, orders, newOrders, pushed } = services;
  const toPushed = <E extends PageEvent>(name: E) => client.subscribe(name, (payload) => pushed.getState().put(name, payload));
  const offs = [
    ...PAGE_EVENTS.map(toPushed),
    client.onConnection((state) => {
      const was = session.getState().connection;
      session.getState().setConnection(state);
      // Events were missed while disconnected: re-read what is on screen.
      if (state === 'connected' && was !== 'connected') {
        void session.getState().loadShops();
        void session.getState().loadStorage();
        inbox.getState().refresh();
        testPhone.getState().refresh();
        void orders.getState().load();
      }
    }),
    client.subscribe('orders/created', (order) => {
      orders.getState().applyOrder(order);
      if (order.shopId === session.getState().shopId) newOrders.getState().arrived(order);
    }),
    client.subscribe('orders/updated', (order) => orders.getState().applyOrder(order)),
    client.subscribe('shops/changed', (shop) => session.getState().applyShop(shop)),
    client.subscribe('system/storage', (storage) => session.getState().applyStorage(storage)),
    client.subscribe('conversations/updated', (conversation) => inbox.getState().applyConversation(conversation)),
    client.subscribe('conversations/escalated', (escalation) => inbox.getState().applyEscalation(escalation)),
    client.subscribe('messages/new', (message) => {
      inbox.getState().applyMessage(message);
      testPhone.getState().refresh();
    }),
    client.subscribe('messages/status', (message) => {
      inbox.getState().applyMessage(message);
      testPhone.getState().refresh();
    }),
  ];
  // The open shop drives the inbox; following it here keeps the stores independent.
  const stopFollowingShop = session.subscribe((state, previous) => {
    if (state.shopId === previous.shopId) return;
    inbox.getState().setShop(state.shopId);
    testPhone.getState().setShop(state.shopId);
    orders.getState().setShop(state.shopId);
    newOrders.getState().reset();
  });
  const { shopId } = session.getState();
  inbox.getState().setShop(shopId);
  testPhone.getState().setShop(shopId);
  orders.getState().setShop(shopId);
  return () => {
    for (const off of offs) off();
    stopFollowingShop();
  };
}
