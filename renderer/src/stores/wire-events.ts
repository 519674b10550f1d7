import type { AppServices } from '../app/services';

/**
 * The one place pushed events change view state: each event is routed to the store that owns
 * it. Returns a function that detaches everything (tests, hot reload).
 */
export function wireEvents(services: AppServices): () => void {
  const { client, session, inbox, testPhone } = services;
  const offs = [
    client.onConnection((state) => {
      const was = session.getState().connection;
      session.getState().setConnection(state);
      // Events were missed while disconnected: re-read what is on screen.
      if (state === 'connected' && was !== 'connected') {
        void session.getState().loadShops();
        void session.getState().loadStorage();
        inbox.getState().refresh();
        testPhone.getState().refresh();
      }
    }),
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
  });
  const { shopId } = session.getState();
  inbox.getState().setShop(shopId);
  testPhone.getState().setShop(shopId);
  return () => {
    for (const off of offs) off();
    stopFollowingShop();
  };
}
