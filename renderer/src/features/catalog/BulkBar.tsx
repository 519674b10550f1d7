import { useState } from 'react';
import type { T } from '../../i18n/use-t';
import { parsePriceInput, parseStockInput } from './catalog-model';
import type { strings } from './i18n';

type Key = keyof (typeof strings)['en'];

export type BulkChange = { price?: { set: number } | { percent: number }; stock?: number | null };

/** What the bulk bar's fields say, as a change, or null while nothing valid is typed. */
export function bulkChangeOf(mode: 'set' | 'percent', priceText: string, stockText: string): BulkChange | null {
  const change: BulkChange = {};
  if (priceText.trim()) {
    if (mode === 'set') {
      const price = parsePriceInput(priceText);
      if (price === null) return null;
      change.price = { set: price };
    } else {
      const percent = Number(priceText.replace(',', '.').replace(/[%\s]/g, ''));
      if (!Number.isFinite(percent) || percent < -90 || percent > 1000) return null;
      change.price = { percent };
    }
  }
  if (stockText.trim()) {
    const stock = parseStockInput(stockText);
    if (stock === undefined || stock === null) return null;
    change.stock = stock;
  }
  return change.price || change.stock !== undefined ? change : null;
}

/** Shown while products are selected: a new price (or a % change) and/or a new stock for all of them. */
export function BulkBar(props: { count: number; t: T<Key>; onApply: (change: BulkChange) => void; onClear: () => void }) {
  const { t } = props;
  const [mode, setMode] = useState<'set' | 'percent'>('percent');
  const [price, setPrice] = useState('');
  const [stock, setStock] = useState('');
  const change = bulkChangeOf(mode, price, stock);
  return (
    <form
      className="catalog-bulk"
      aria-label={t('selected', { count: props.count })}
      onSubmit={(e) => {
        e.preventDefault();
        if (change) props.onApply(change);
      }}
    >
      <strong>{t('selected', { count: props.count })}</strong>
      <select aria-label={t('bulkPrice')} value={mode} onChange={(e) => setMode(e.target.value === 'set' ? 'set' : 'percent')}>
        <option value="percent">{t('bulkPercent')}</option>
        <option value="set">{t('bulkPrice')}</option>
      </select>
      <input
        id="bulk-price"
        className="input-short"
        inputMode="decimal"
        aria-label={mode === 'set' ? t('bulkPrice') : t('bulkPercent')}
        value={price}
        onChange={(e) => setPrice(e.target.value)}
        dir="ltr"
      />
      <label>
        {t('bulkStock')}{' '}
        <input
          id="bulk-stock"
          className="input-short"
          inputMode="numeric"
          value={stock}
          onChange={(e) => setStock(e.target.value)}
          dir="ltr"
        />
      </label>
      <button type="submit" className="primary" disabled={!change}>
        {t('bulkApply')}
      </button>
      <button type="button" className="link" onClick={props.onClear}>
        {t('clearSelection')}
      </button>
    </form>
  );
}
