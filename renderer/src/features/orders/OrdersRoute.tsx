import { useEffect } from 'react';
import { useServices } from '../../app/services-context';
import { OrdersPage } from './OrdersPage';

/** The Orders page as the navigation mounts it: the app's orders store; opening it clears the badge. */
export function OrdersRoute() {
  const { orders, newOrders } = useServices();
  useEffect(() => {
    newOrders.getState().seen();
    void orders.getState().load();
  }, [orders, newOrders]);
  return <OrdersPage store={orders} />;
}
