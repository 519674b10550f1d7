import { useCallback, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Product } from '../../../../shared/domain/catalog';
import { useServices } from '../../app/services-context';
import { useLocale } from '../../i18n/locale';
import { useT } from '../../i18n/use-t';
import { exportFileName, formatPrice, parsePriceInput, parseStockInput } from './catalog-model';
import './catalog.css';
import { strings } from './i18n';
import { ImportWizard } from './ImportWizard';

const PAGE = 50;

/** Products of the open shop: search, inline price/stock edits, import wizard, export. */
export function CatalogPage() {
  const t = useT(strings);
  const locale = useLocale();
  const { client, session } = useServices();
  const shopId = useStore(session, (s) => s.shopId);
  const shopName = useStore(session, (s) => s.shops?.find((x) => x.id === s.shopId)?.name ?? 'shop');
  const [query, setQuery] = useState('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ items: Product[]; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [wizard, setWizard] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (shopId === null) return;
    try {
      setPage(await client.send('catalog/list', { shopId, offset, limit: PAGE, ...(query.trim() ? { query: query.trim() } : {}) }));
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }, [client, shopId, offset, query]);

  useEffect(() => {
    const timer = setTimeout(() => void load(), 150);
    return () => clearTimeout(timer);
  }, [load]);
  useEffect(() => client.subscribe('catalog/changed', (e) => void (e.shopId === shopId && load())), [client, shopId, load]);

  if (shopId === null) {
    return (
      <section className="page" aria-labelledby="page-title">
        <h1 id="page-title">{t('title')}</h1>
        <p className="muted">{t('noShop')}</p>
      </section>
    );
  }

  const save = async (product: Product, patch: { price?: number; stock?: number | null }) => {
    try {
      const updated = await client.send('catalog/update-product', { shopId, productId: product.id, ...patch });
      setPage((p) => p && { ...p, items: p.items.map((x) => (x.id === updated.id ? updated : x)) });
      setNotice(t('saved'));
    } catch (err) {
      setNotice(err instanceof Error ? err.message : String(err));
    }
  };

  const remove = async (product: Product) => {
    if (!window.confirm(t('confirmDelete', { name: product.name }))) return;
    await client.send('catalog/delete-product', { shopId, productId: product.id });
    await load();
  };

  const exportCsv = async () => {
    const { csv } = await client.send('catalog/export-csv', { shopId });
    const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(shopName, new Date());
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section className="page catalog-page" aria-labelledby="page-title">
      <h1 id="page-title">{t('title')}</h1>
      <div className="catalog-toolbar">
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOffset(0);
          }}
        />
        <button type="button" className="primary" onClick={() => setWizard(true)}>
          {t('importCsv')}
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={!page || page.total === 0}>
          {t('exportCsv')}
        </button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <p className="muted small" role="status" aria-live="polite">
        {notice ?? (page ? t('count', { shown: page.items.length, total: page.total }) : t('loading'))}
      </p>
      {page && page.items.length === 0 && <p className="muted">{query ? t('noMatch') : t('empty')}</p>}
      {page && page.items.length > 0 && (
        <div className="catalog-table-wrap">
          <table className="catalog-table">
            <thead>
              <tr>
                <th>{t('name')}</th>
                <th>{t('sku')}</th>
                <th>{t('category')}</th>
                <th>{t('price')}</th>
                <th>{t('stock')}</th>
                <th>
                  <span className="visually-hidden">{t('delete')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <div>{p.name}</div>
                    {p.altNames[0] && (
                      <div className="muted small" dir="auto">
                        {p.altNames[0]}
                      </div>
                    )}
                  </td>
                  <td className="small">{p.sku}</td>
                  <td className="small">{p.category}</td>
                  <td>
                    <InlineEdit
                      label={`${t('price')} — ${p.name}`}
                      value={String(p.price)}
                      display={formatPrice(p.price, p.currency, locale)}
                      invalid={t('badPrice')}
                      parse={(text) => parsePriceInput(text) ?? undefined}
                      onSave={(price) => void save(p, { price: price ?? 0 })}
                    />
                  </td>
                  <td>
                    <InlineEdit
                      label={`${t('stock')} — ${p.name}`}
                      value={p.stock === null ? '' : String(p.stock)}
                      display={p.stock === null ? t('unlimited') : String(p.stock)}
                      invalid={t('badStock')}
                      parse={parseStockInput}
                      onSave={(stock) => void save(p, { stock })}
                    />
                  </td>
                  <td>
                    <button type="button" className="link danger" onClick={() => void remove(p)}>
                      {t('delete')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page && page.total > PAGE && (
        <div className="actions">
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
            {t('prev')}
          </button>
          <button type="button" disabled={offset + PAGE >= page.total} onClick={() => setOffset(offset + PAGE)}>
            {t('next')}
          </button>
        </div>
      )}
      {wizard && (
        <ImportWizard
          client={client}
          shopId={shopId}
          t={t}
          onClose={(imported) => {
            setWizard(false);
            if (imported) void load();
          }}
        />
      )}
    </section>
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
        {props.display}
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
