import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Product } from '../../../../shared/domain/catalog';
import { useServices } from '../../app/services-context';
import { useOnPushed } from '../../stores/use-pushed';
import { Dialog } from '../../components/Dialog';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { BulkBar, type BulkChange } from './BulkBar';
import { exportFileName } from './catalog-model';
import './catalog.css';
import { strings } from './i18n';
import { ImportWizard } from './ImportWizard';
import { ProductEditor } from './ProductEditor';
import { ProductRow, type RowActions } from './ProductRow';
import { useProductList } from './use-product-list';
import { useErrorWords } from '../notices/error-words';
import { NoShopPage } from '../../components/NoShopPage';

const UNDO_MS = 10_000;

interface Toast {
  text: string;
  undo?: () => void;
}

/** Products of the open shop: search through every match, add/edit/copy/archive/delete, bulk changes, import, export. */
export function CatalogPage() {
  const errorText = useErrorWords();
  const t = useT(strings);
  const locale = useLocale();
  const { client, session } = useServices();
  const shopId = useStore(session, (s) => s.shopId);
  const shopName = useStore(session, (s) => s.shops?.find((x) => x.id === s.shopId)?.name ?? 'shop');
  const [query, setQuery] = useState('');
  const [archived, setArchived] = useState(false);
  const list = useProductList(client, shopId, query, archived);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Product | null>(null);
  const [wizard, setWizard] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [toast, setToast] = useState<Toast | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const { reload, loadMore } = list;

  useOnPushed('catalog/changed', (e) => void (e.shopId === shopId && reload()));
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 4000);
    return () => clearTimeout(timer);
  }, [notice]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), UNDO_MS);
    return () => clearTimeout(timer);
  }, [toast]);
  // Scrolling to the end of the list loads the next page.
  useEffect(() => {
    const el = sentinel.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore());
    observer.observe(el);
    return () => observer.disconnect();
  }, [loadMore, list.items.length]);

  if (shopId === null) {
    return <NoShopPage title={t('title')} message={t('noShop')} />;
  }

  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      setNotice(t('saveFailed', { message: errorText(err) }));
    }
  };

  const actions: RowActions = {
    onSave: (p, patch) =>
      void attempt(async () => {
        list.replace(await client.send('catalog/update-product', { shopId, productId: p.id, ...patch }));
        setNotice(t('saved'));
      }),
    onEdit: (p) => setEditing(p),
    onDuplicate: (p) =>
      void attempt(async () => {
        setEditing(await client.send('catalog/duplicate-product', { shopId, productId: p.id }));
      }),
    onArchive: (p, value) =>
      void attempt(async () => {
        await client.send('catalog/archive-product', { shopId, productId: p.id, archived: value });
        list.reload();
      }),
    onDelete: (p) => setDeleting(p),
    onSelect: (p, on) =>
      setSelected((s) => {
        const next = new Set(s);
        if (on) next.add(p.id);
        else next.delete(p.id);
        return next;
      }),
  };

  const confirmDelete = (p: Product) =>
    void attempt(async () => {
      setDeleting(null);
      const result = await client.send('catalog/delete-product', { shopId, productId: p.id });
      const gone = result.product;
      list.reload();
      if (!gone) return;
      setToast({
        text: result.archived ? t('archivedToast', { name: p.name }) : t('deletedToast', { name: p.name }),
        undo: () =>
          void attempt(async () => {
            setToast(null);
            await client.send('catalog/restore-product', { shopId, product: gone });
            list.reload();
          }),
      });
    });

  const applyBulk = (change: BulkChange) =>
    void attempt(async () => {
      const { updated } = await client.send('catalog/bulk-update', { shopId, productIds: [...selected], ...change });
      setNotice(t('bulkDone', { count: updated }));
      setSelected(new Set());
      list.reload();
    });

  const exportCsv = async () => {
    const { csv } = await client.send('catalog/export-csv', { shopId });
    const url = URL.createObjectURL(new Blob([`\uFEFF${csv}`], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName(shopName, new Date());
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const allShown = list.items.length > 0 && list.items.every((p) => selected.has(p.id));
  return (
    <section className="page catalog-page" aria-labelledby="page-title">
      <h1 id="page-title">{archived ? t('showArchived') : t('title')}</h1>
      <div className="catalog-toolbar">
        <input
          type="search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setSelected(new Set());
          }}
        />
        <button type="button" className="primary" id="add-product" onClick={() => setEditing('new')}>
          {t('addProduct')}
        </button>
        <button type="button" onClick={() => setWizard(true)}>
          {t('importCsv')}
        </button>
        <button type="button" onClick={() => void exportCsv()} disabled={list.total === 0 || archived}>
          {t('exportCsv')}
        </button>
        <button type="button" className="link" id="toggle-archived" onClick={() => setArchived(!archived)}>
          {archived ? t('showActive') : t('showArchived')}
        </button>
      </div>
      {archived && <p className="muted small">{t('archivedNote')}</p>}
      {list.error && (
        <p className="error" role="alert">
          {list.error}
        </p>
      )}
      <p className="muted small" role="status" aria-live="polite" id="catalog-count">
        {notice ?? (list.loaded ? t('count', { shown: list.items.length, total: list.total }) : t('loading'))}
      </p>
      {selected.size > 0 && <BulkBar count={selected.size} t={t} onApply={applyBulk} onClear={() => setSelected(new Set())} />}
      {list.loaded && list.items.length === 0 && <p className="muted">{query ? t('noMatch') : t('empty')}</p>}
      {list.items.length > 0 && (
        <div className="catalog-table-wrap">
          <table className="catalog-table">
            <thead>
              <tr>
                <th>
                  <input
                    type="checkbox"
                    aria-label={t('selectAll')}
                    checked={allShown}
                    onChange={(e) => setSelected(e.target.checked ? new Set(list.items.map((p) => p.id)) : new Set())}
                  />
                </th>
                <th>
                  <span className="visually-hidden">{t('noPhoto')}</span>
                </th>
                <th>{t('name')}</th>
                <th>{t('sku')}</th>
                <th>{t('category')}</th>
                <th>{t('price')}</th>
                <th>{t('stock')}</th>
                <th>
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((p) => (
                <ProductRow key={p.id} product={p} selected={selected.has(p.id)} locale={locale} t={t} actions={actions} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list.items.length < list.total && (
        <div className="actions" ref={sentinel}>
          <button type="button" id="load-more" onClick={loadMore}>
            {t('loadMore')}
          </button>
        </div>
      )}
      {toast && (
        <div className="catalog-toast" role="status" aria-live="polite">
          <span>{toast.text}</span>
          {toast.undo && (
            <button type="button" className="primary" id="undo-delete" onClick={toast.undo}>
              {t('undo')}
            </button>
          )}
        </div>
      )}
      {deleting && (
        <Dialog labelledBy="delete-title" onClose={() => setDeleting(null)}>
          <h2 id="delete-title">{t('deleteTitle')}</h2>
          <p>{t('deleteBody', { name: deleting.name })}</p>
          <div className="actions">
            <button type="button" className="danger" id="confirm-delete" onClick={() => confirmDelete(deleting)}>
              {t('delete')}
            </button>
            <button type="button" data-autofocus onClick={() => setDeleting(null)}>
              {t('cancel')}
            </button>
          </div>
        </Dialog>
      )}
      {editing && (
        <ProductEditor
          client={client}
          shopId={shopId}
          product={editing === 'new' ? null : editing}
          t={t}
          onClose={(saved) => {
            setEditing(null);
            if (saved) {
              setNotice(t('saved'));
              list.reload();
            }
          }}
        />
      )}
      {wizard && (
        <ImportWizard
          client={client}
          shopId={shopId}
          t={t}
          onClose={(imported) => {
            setWizard(false);
            if (imported) list.reload();
          }}
        />
      )}
    </section>
  );
}
