import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { CreateShopForm } from './CreateShopForm';
import { strings } from './i18n';

const NEW_SHOP = '__new__';

/** Which shop the whole UI shows; an agency runs several from one data folder. */
export function ShopSwitcher() {
  const t = useT(strings);
  const { session } = useServices();
  const shops = useStore(session, (s) => s.shops) ?? [];
  const shopId = useStore(session, (s) => s.shopId);
  const selectShop = useStore(session, (s) => s.selectShop);
  const [creating, setCreating] = useState(false);
  const id = useId();

  return (
    <div className="shop-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('shop')}
      </label>
      <select
        id={id}
        data-testid="shop-switcher"
        value={shopId ?? ''}
        onChange={(e) => {
          if (e.target.value === NEW_SHOP) setCreating(true);
          else selectShop(Number(e.target.value));
        }}
      >
        {shops.map((shop) => (
          <option key={shop.id} value={shop.id}>
            {shop.name}
          </option>
        ))}
        <option value={NEW_SHOP}>{t('newShop')}</option>
      </select>
      {creating && (
        <div className="popover" role="dialog" aria-label={t('newShop')}>
          <CreateShopForm onDone={() => setCreating(false)} onCancel={() => setCreating(false)} />
        </div>
      )}
    </div>
  );
}
