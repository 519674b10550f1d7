import { useState } from 'react';
import type { Product } from '../../../../shared/domain/catalog';
import type { T } from '../../i18n/use-t';
import { formatPrice, parsePriceInput, parseStockInput } from './catalog-model';
import type { strings } from './i18n';

type Key = keyof (typeof strings)['en'];

export interface RowActions {
  onSave(p: Product, patch: { price?: number; stock?: number | null }): void;
  onEdit(p: Product): void;
  onDuplicate(p: Product): void;
  onArchive(p: Product, archived: boolean): void;
  onDelete(p: Product): void;
  onSelect(p: Product, selected: boolean): void;
}

/** One product in the list: selection, thumbnail, names, SKU, inline price and stock, its actions. */
export function ProductRow(props: { product: Product; selected: boolean; locale: string; t: T<Key>; actions: RowActions }) {
  const { product: p, t, actions, locale } = props;
  const perVariant = p.variants.some((v) => v.stock !== null);
  return (
    <tr data-sku={p.sku}>
      <td>
        <input
          type="checkbox"
          aria-label={t('select', { name: p.name })}
          checked={props.selected}
          onChange={(e) => actions.onSelect(p, e.target.checked)}
        />
      </td>
      <td className="catalog-thumb-cell">
        {/* A photo picked from disk (souq-image:) lives in the data folder: the editor shows it. */}
        {p.images[0] && !p.images[0].startsWith('souq-image:') ? (
          <img className="catalog-thumb" src={p.images[0]} alt="" loading="lazy" width={44} height={44} />
        ) : (
          <span className="catalog-thumb empty" title={t('noPhoto')} />
        )}
      </td>
      <td>
        <div dir="auto">{p.name}</div>
        {p.altNames[0] && (
          <div className="muted small" dir="auto">
            {p.altNames[0]}
          </div>
        )}
        {p.variants.length > 0 && (
          <div className="muted small catalog-variant-list">
            {p.variants.map((v) => (
              <bdi key={v.name} className={v.stock === 0 ? 'sold-out' : undefined}>
                {v.name}
                {/* A variant priced apart from the product says so: the column shows the product's ("from") price. */}
                {v.price !== null && v.price !== p.price ? ` · ${formatPrice(v.price, p.currency, locale)}` : ''}
                {v.stock !== null ? ` (${v.stock})` : ''}
              </bdi>
            ))}
          </div>
        )}
      </td>
      <td className="small">
        <bdi>{p.sku}</bdi>
      </td>
      <td className="small" dir="auto">
        {p.category}
      </td>
      <td>
        <InlineEdit
          label={`${t('price')} — ${p.name}`}
          value={String(p.price)}
          display={formatPrice(p.price, p.currency, locale)}
          invalid={t('badPrice')}
          parse={(text) => parsePriceInput(text) ?? undefined}
          onSave={(price) => actions.onSave(p, { price: price ?? 0 })}
        />
      </td>
      <td>
        {perVariant ? (
          <button type="button" className="catalog-cell" aria-label={`${t('stock')} — ${p.name}`} onClick={() => actions.onEdit(p)}>
            {p.stock ?? t('unlimited')} <span className="muted small">{t('perVariant')}</span>
          </button>
        ) : (
          <InlineEdit
            label={`${t('stock')} — ${p.name}`}
            value={p.stock === null ? '' : String(p.stock)}
            display={p.stock === null ? t('unlimited') : String(p.stock)}
            invalid={t('badStock')}
            parse={parseStockInput}
            onSave={(stock) => actions.onSave(p, { stock })}
          />
        )}
      </td>
      <td className="catalog-row-actions">
        <button type="button" className="link" onClick={() => actions.onEdit(p)} aria-label={`${t('edit')} — ${p.name}`}>
          {t('edit')}
        </button>
        <button type="button" className="link" onClick={() => actions.onDuplicate(p)} aria-label={`${t('duplicate')} — ${p.name}`}>
          {t('duplicate')}
        </button>
        <button
          type="button"
          className="link"
          onClick={() => actions.onArchive(p, !p.archivedAt)}
          aria-label={`${p.archivedAt ? t('unarchive') : t('archive')} — ${p.name}`}
        >
          {p.archivedAt ? t('unarchive') : t('archive')}
        </button>
        <button type="button" className="link danger" onClick={() => actions.onDelete(p)} aria-label={`${t('delete')} — ${p.name}`}>
          {t('delete')}
        </button>
      </td>
    </tr>
  );
}

/** A cell that shows a value and becomes an input on click; Enter or leaving saves, Escape cancels. */
function InlineEdit(props: {
  label: string;
  value: string;
  display: string;
  invalid: string;
  parse: (text: string) => number | null | undefined;
  onSave: (value: number | null) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(props.value);
  const parsed = props.parse(text);
  if (!editing) {
    return (
      <button
        type="button"
        className="catalog-cell"
        aria-label={props.label}
        onClick={() => {
          setText(props.value);
          setEditing(true);
        }}
      >
        <bdi>{props.display}</bdi>
      </button>
    );
  }
  const commit = () => {
    if (parsed === undefined) return;
    setEditing(false);
    if (text !== props.value) props.onSave(parsed);
  };
  return (
    <span>
      <input
        className="input-short"
        aria-label={props.label}
        aria-invalid={parsed === undefined}
        value={text}
        autoFocus
        inputMode="decimal"
        dir="ltr"
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setEditing(false);
        }}
      />
      {parsed === undefined && <span className="error small"> {props.invalid}</span>}
    </span>
  );
}
