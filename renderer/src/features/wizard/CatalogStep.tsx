import { useCallback, useEffect, useId, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { ImportWizard } from '../catalog/ImportWizard';
import { strings as catalogStrings } from '../catalog/i18n';
import { useT } from '../../i18n/use-t';
import { type StepNav, StepFrame } from './StepFrame';
import { strings } from './i18n';

/**
 * The catalog the bot answers from: the Catalog page's own import dialog, or a few products typed here. Enter in
 * the product fields adds the product; Enter with them empty continues.
 */
export function CatalogStep({ nav }: { nav: StepNav }) {
  const t = useT(strings);
  const tCatalog = useT(catalogStrings);
  const { client, wizard, session } = useServices();
  const shopId = useStore(wizard, (s) => s.shopId);
  const currency = useStore(session, (s) => s.shops?.find((x) => x.id === shopId)?.currency ?? '');
  const [count, setCount] = useState<number | null>(null);
  const [added, setAdded] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const [name, setName] = useState('');
  const [price, setPrice] = useState('');
  const ids = { name: useId(), price: useId() };

  const recount = useCallback(async () => {
    if (shopId === null) return;
    setCount((await client.send('catalog/list', { shopId, limit: 1 })).total);
  }, [client, shopId]);
  useEffect(() => {
    recount().catch(() => setCount(null));
  }, [recount]);

  const submit = async (submitter: HTMLElement | null): Promise<boolean> => {
    const continuing = submitter?.dataset['testid'] === 'wizard-next';
    if (shopId === null || (!name.trim() && !price.trim())) return true;
    const product = await client.send('catalog/create-product', { shopId, name, price: Number(price.replace(',', '.')) });
    setAdded((list) => [...list, product.name]);
    setName('');
    setPrice('');
    document.getElementById(ids.name)?.focus();
    await recount();
    return continuing;
  };

  return (
    <StepFrame
      title={t('catalogTitle')}
      body={t('catalogBody')}
      nav={nav}
      submit={submit}
      outside={
        <>
          <div className="wizard-import">
            <button type="button" onClick={() => setImporting(true)} data-testid="wizard-import">
              {t('importCsv')}
            </button>
            <span className="muted small">{t('importHint')}</span>
          </div>
          {importing && shopId !== null && (
            <ImportWizard
              client={client}
              shopId={shopId}
              t={tCatalog}
              onClose={(imported) => {
                setImporting(false);
                if (imported) void recount();
              }}
            />
          )}
        </>
      }
    >
      <fieldset className="wizard-product">
        <legend>{t('orType')}</legend>
        <div className="wizard-row">
          <div className="field grow">
            <label htmlFor={ids.name}>{t('productName')}</label>
            <input id={ids.name} name="product-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={300} dir="auto" />
          </div>
          <div className="field">
            <label htmlFor={ids.price}>
              {t('productPrice')} {currency && <span className="muted">({currency})</span>}
            </label>
            <input
              id={ids.price}
              name="product-price"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
              inputMode="decimal"
              pattern="[0-9]+([.,][0-9]+)?"
              required={name.trim() !== ''}
              dir="ltr"
              className="input-short"
            />
          </div>
        </div>
        <button type="submit" name="add" data-testid="wizard-add-product" className="wizard-add">
          {t('addProduct')}
        </button>
        {added.length > 0 && (
          <ul className="wizard-added" data-testid="wizard-added">
            {added.map((n, i) => (
              <li key={`${i}-${n}`} dir="auto">
                {n}
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {count !== null && (
        <p className="muted" role="status" data-testid="wizard-product-count">
          {t('productCount', { count })}
        </p>
      )}
    </StepFrame>
  );
}
