import { useState } from 'react';
import type { Product } from '../../../../shared/domain/catalog';
import { CallError, type Client } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import type { T } from '../../i18n/use-t';
import {
  type FormError,
  type ProductForm,
  type VariantForm,
  emptyForm,
  emptyVariant,
  formOf,
  stockPerVariant,
  toFields,
} from './editor-model';
import type { strings } from './i18n';
import { ProductPhotoPicker } from './ProductPhotoPicker';
import { useErrorWords } from '../notices/error-words';

type Key = keyof (typeof strings)['en'];

/** Add a product (no `product`) or edit every field of one, variants included; saves through the contract. */
export function ProductEditor(props: {
  client: Client;
  shopId: number;
  product: Product | null;
  t: T<Key>;
  onClose: (saved: Product | null) => void;
}) {
  const errorText = useErrorWords();
  const { client, shopId, product, t, onClose } = props;
  const [form, setForm] = useState<ProductForm>(() => (product ? formOf(product) : emptyForm()));
  const [errors, setErrors] = useState<Partial<Record<string, FormError>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<ProductForm>) => setForm((f) => ({ ...f, ...patch }));
  const setVariant = (i: number, patch: Partial<VariantForm>) =>
    setForm((f) => ({ ...f, variants: f.variants.map((v, j) => (j === i ? { ...v, ...patch } : v)) }));

  const save = async () => {
    const result = toFields(form, product ?? undefined);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const saved = product
        ? await client.send('catalog/update-product', { shopId, productId: product.id, ...result.fields })
        : await client.send('catalog/create-product', { shopId, ...result.fields, ...(form.sku.trim() ? { sku: form.sku.trim() } : {}) });
      onClose(saved);
    } catch (err) {
      const message = errorText(err);
      setFailure(err instanceof CallError && err.code === 'conflict' ? t('err_conflict') : t('saveFailed', { message }));
    } finally {
      setBusy(false);
    }
  };

  const err = (key: string) => {
    const e = errors[key];
    return e ? (
      <span className="error small" id={`err-${key}`}>
        {t(`err_${e}`)}
      </span>
    ) : null;
  };
  const variantCount = form.variants.reduce((sum, v) => sum + (Number.parseInt(v.stock, 10) || 0), 0);

  return (
    <Dialog labelledBy="editor-title" onClose={() => onClose(null)} className="catalog-editor">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id="editor-title">{product ? t('editTitle', { name: product.name }) : t('newTitle')}</h2>
        <div className="catalog-editor-grid">
          <label>
            {t('fieldName')} *
            <input
              id="product-name"
              data-autofocus
              value={form.name}
              onChange={(e) => set({ name: e.target.value })}
              aria-invalid={!!errors.name}
              dir="auto"
            />
            {err('name')}
          </label>
          <label>
            {t('fieldSku')}
            <input id="product-sku" value={form.sku} onChange={(e) => set({ sku: e.target.value })} disabled={!!product} dir="ltr" />
            {!product && <span className="muted small">{t('skuHint')}</span>}
          </label>
          <label>
            {t('fieldPrice')} *
            <input
              id="product-price"
              inputMode="decimal"
              value={form.price}
              onChange={(e) => set({ price: e.target.value })}
              aria-invalid={!!errors.price}
              dir="ltr"
            />
            {err('price')}
          </label>
          <label>
            {t('fieldCompareAt')}
            <input
              id="product-compare"
              inputMode="decimal"
              value={form.compareAtPrice}
              onChange={(e) => set({ compareAtPrice: e.target.value })}
              dir="ltr"
            />
            {err('compareAtPrice')}
          </label>
          <label>
            {t('fieldStock')}
            {stockPerVariant(form) ? (
              <span className="muted small" id="product-stock-note">
                {t('stockFromVariants', { count: variantCount })}
              </span>
            ) : (
              <input
                id="product-stock"
                inputMode="numeric"
                value={form.stock}
                onChange={(e) => set({ stock: e.target.value })}
                aria-invalid={!!errors.stock}
                dir="ltr"
              />
            )}
            {err('stock')}
          </label>
          <label>
            {t('fieldCategory')}
            <input id="product-category" value={form.category} onChange={(e) => set({ category: e.target.value })} dir="auto" />
          </label>
          <label className="wide">
            {t('fieldAltNames')}
            <textarea
              id="product-alt-names"
              rows={2}
              value={form.altNames}
              onChange={(e) => set({ altNames: e.target.value })}
              dir="auto"
            />
          </label>
          <label className="wide">
            {t('fieldAliases')}
            <input id="product-aliases" value={form.aliases} onChange={(e) => set({ aliases: e.target.value })} dir="auto" />
          </label>
          <label className="wide">
            {t('fieldDescription')}
            <textarea
              id="product-description"
              rows={3}
              value={form.description}
              onChange={(e) => set({ description: e.target.value })}
              dir="auto"
            />
          </label>
          <ProductPhotoPicker
            client={client}
            shopId={shopId}
            product={product}
            t={t}
            // The stored photo is the product's first image now: the address list below follows it.
            onChanged={(p) => set({ images: p.images.join('\n') })}
          />
          <label className="wide">
            {t('fieldImages')}
            <textarea id="product-images" rows={2} value={form.images} onChange={(e) => set({ images: e.target.value })} dir="ltr" />
          </label>
        </div>
        <fieldset className="catalog-variants">
          <legend>{t('variantsTitle')}</legend>
          <p className="muted small">{t('variantsHint')}</p>
          {form.variants.length > 0 && (
            // Its own scroll box: six columns do not fit a phone-width dialog.
            <div className="catalog-variants-scroll">
              <table className="catalog-table">
                <thead>
                  <tr>
                    <th>{t('variantName')}</th>
                    <th>{t('variantOptions')}</th>
                    <th>{t('variantSku')}</th>
                    <th>{t('variantPrice')}</th>
                    <th>{t('variantStock')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {form.variants.map((v, i) => (
                    <tr key={i} className="variant-row">
                      <td>
                        <input
                          aria-label={`${t('variantName')} ${i + 1}`}
                          value={v.name}
                          onChange={(e) => setVariant(i, { name: e.target.value })}
                          dir="auto"
                        />
                        {err(`variant-${i}-name`)}
                      </td>
                      <td>
                        <input
                          aria-label={`${t('variantOptions')} ${i + 1}`}
                          value={v.options}
                          placeholder={t('variantOptionsHint')}
                          onChange={(e) => setVariant(i, { options: e.target.value })}
                          dir="auto"
                        />
                        {err(`variant-${i}-options`)}
                      </td>
                      <td>
                        <input
                          aria-label={`${t('variantSku')} ${i + 1}`}
                          value={v.sku}
                          onChange={(e) => setVariant(i, { sku: e.target.value })}
                          dir="ltr"
                        />
                      </td>
                      <td>
                        <input
                          aria-label={`${t('variantPrice')} ${i + 1}`}
                          className="input-short"
                          inputMode="decimal"
                          value={v.price}
                          placeholder={form.price}
                          onChange={(e) => setVariant(i, { price: e.target.value })}
                          dir="ltr"
                        />
                        {err(`variant-${i}-price`)}
                      </td>
                      <td>
                        <input
                          aria-label={`${t('variantStock')} ${i + 1}`}
                          className="input-short"
                          inputMode="numeric"
                          value={v.stock}
                          onChange={(e) => setVariant(i, { stock: e.target.value })}
                          dir="ltr"
                        />
                        {err(`variant-${i}-stock`)}
                      </td>
                      <td>
                        <button
                          type="button"
                          className="link danger"
                          aria-label={t('removeVariant', { name: v.name || String(i + 1) })}
                          onClick={() => set({ variants: form.variants.filter((_, j) => j !== i) })}
                        >
                          ×
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <button type="button" id="add-variant" onClick={() => set({ variants: [...form.variants, emptyVariant()] })}>
            {t('addVariant')}
          </button>
        </fieldset>
        {failure && (
          <p className="error" role="alert">
            {failure}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="primary" id="product-save" disabled={busy}>
            {t('save')}
          </button>
          <button type="button" onClick={() => onClose(null)}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
