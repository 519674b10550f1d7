import { useEffect, useState } from 'react';
import type { Product } from '../../../../shared/domain/catalog';
import type { Client } from '../../api/client';
import type { T } from '../../i18n/use-t';
import type { strings } from './i18n';
import { useErrorWords } from '../notices/error-words';

type Key = keyof (typeof strings)['en'];

/** The file as base64 without its data-URL prefix (what catalog/set-product-image takes). */
const readBase64 = (file: File): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });

/**
 * The photo the bot sends for a product: the stored copy's thumbnail, and a file picker that makes
 * a photo from this computer the product's first image (core resizes and keeps it in the data folder).
 */
export function ProductPhotoPicker(props: {
  client: Client;
  shopId: number;
  product: Product | null;
  t: T<Key>;
  onChanged: (p: Product) => void;
}) {
  const errorText = useErrorWords();
  const { client, shopId, product, t, onChanged } = props;
  const [thumb, setThumb] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const productId = product?.id ?? null;
  // Bumped after a pick: the thumbnail is read again from what core stored.
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (productId === null) return;
    let live = true;
    client
      .send('catalog/get-product-image', { shopId, productId })
      .then((r) => live && setThumb(r.dataUrl))
      .catch(() => live && setThumb(null));
    return () => {
      live = false;
    };
  }, [client, shopId, productId, version]);

  if (productId === null) return <p className="muted small wide">{t('photoSaveFirst')}</p>;

  const pick = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      onChanged(await client.send('catalog/set-product-image', { shopId, productId, imageBase64: await readBase64(file) }));
      setVersion((v) => v + 1);
    } catch (err) {
      setFailure(t('photoFailed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="wide catalog-photo-picker">
      <span>{t('photoTitle')}</span>
      <div className="catalog-photo-row">
        {thumb ? (
          <img className="catalog-photo-preview" src={thumb} alt={product?.name ?? ''} data-testid="product-photo-preview" />
        ) : (
          <span className="muted small">{t('photoNone')}</span>
        )}
        <label className="button">
          {busy ? t('photoSaving') : t('photoPick')}
          <input
            type="file"
            accept="image/*"
            data-testid="product-photo-input"
            hidden
            disabled={busy}
            onChange={(e) => void pick(e.target.files?.[0])}
          />
        </label>
      </div>
      {failure && (
        <span className="error small" role="alert">
          {failure}
        </span>
      )}
    </div>
  );
}
