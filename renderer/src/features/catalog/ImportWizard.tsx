import { useEffect, useState } from 'react';
import type { ColumnMapping, ImportAssumption, ImportPreview, ImportSummary, ProductField } from '../../../../shared/contract/catalog';
import { decodeCatalogBytes } from '../../../../shared/domain/catalog-file';
import { CallError, type Client } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import type { T } from '../../i18n/use-t';
import { useNoticeWords } from '../notices/word-notice';
import { MAPPABLE_FIELDS, missingRequired, progressPercent, setMapping } from './catalog-model';
import type { strings } from './i18n';
import { useErrorWords } from '../notices/error-words';

type Key = Parameters<T<keyof (typeof strings)['en']>>[0];

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; file: string }
  | {
      kind: 'preview';
      file: string;
      csv: string;
      preview: ImportPreview;
      mapping: ColumnMapping;
      latin: 'windows-1252' | 'windows-1256' | null;
    }
  | { kind: 'importing'; done: number; total: number }
  | { kind: 'done'; summary: ImportSummary }
  | { kind: 'failed'; message: string; plain?: boolean };

/** Choose file → (map columns) → preview with bad rows → import with progress → summary. */
export function ImportWizard(props: { client: Client; shopId: number; t: T<Key>; onClose: (imported: boolean) => void }) {
  const errorText = useErrorWords();
  const { client, shopId, t, onClose } = props;
  const [step, setStep] = useState<Step>({ kind: 'choose' });

  useEffect(
    () =>
      client.subscribe('catalog/import-progress', (p) => {
        if (p.shopId === shopId) setStep((s) => (s.kind === 'importing' ? { kind: 'importing', done: p.done, total: p.total } : s));
      }),
    [client, shopId],
  );

  const fail = (err: unknown) => setStep({ kind: 'failed', message: errorText(err) });

  const preview = async (file: string, csv: string, latin: 'windows-1252' | 'windows-1256' | null, mapping?: ColumnMapping) => {
    try {
      const result = await client.send('catalog/preview-import', { shopId, csv, limit: 10, ...(mapping ? { mapping } : {}) });
      setStep({ kind: 'preview', file, csv, preview: result, mapping: result.mapping, latin });
    } catch (err) {
      fail(err);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    setStep({ kind: 'reading', file: file.name });
    try {
      // The bytes, not file.text(): a Windows-1252 export would turn every "é" into U+FFFD.
      const decoded = decodeCatalogBytes(new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) {
        setStep({ kind: 'failed', message: t('notText'), plain: true });
        return;
      }
      await preview(
        file.name,
        decoded.text,
        decoded.encoding === 'windows-1252' || decoded.encoding === 'windows-1256' ? decoded.encoding : null,
      );
    } catch (err) {
      fail(err);
    }
  };

  const commit = async (csv: string, mapping: ColumnMapping | undefined, total: number) => {
    setStep({ kind: 'importing', done: 0, total });
    try {
      const summary = await client.send('catalog/commit-import', { shopId, csv, ...(mapping ? { mapping } : {}) });
      setStep({ kind: 'done', summary });
    } catch (err) {
      // The one conflict an import can meet: a variant SKU another product has (the import wrote nothing).
      if (err instanceof CallError && err.code === 'conflict') setStep({ kind: 'failed', message: t('importSkuTaken'), plain: true });
      else fail(err);
    }
  };

  return (
    <Dialog
      labelledBy="wizard-title"
      onClose={() => step.kind !== 'importing' && onClose(step.kind === 'done')}
      className="catalog-wizard-card"
      testId="import-dialog"
    >
      <h2 id="wizard-title">{t('wizardTitle')}</h2>
      {step.kind === 'choose' && (
        <div className="field">
          <label htmlFor="catalog-file">{t('chooseFile')}</label>
          <input id="catalog-file" type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e.target.files?.[0])} />
          <p className="muted small">{t('fileHint')}</p>
        </div>
      )}
      {step.kind === 'reading' && <p role="status">{t('reading', { file: step.file })}</p>}
      {step.kind === 'preview' && (
        <PreviewStep
          step={step}
          t={t}
          onMapping={(mapping) => setStep({ ...step, mapping })}
          onApply={() => void preview(step.file, step.csv, step.latin, step.mapping)}
          onImport={() => void commit(step.csv, step.preview.format === 'mapped' ? step.mapping : undefined, step.preview.productCount)}
        />
      )}
      {step.kind === 'importing' && (
        <div role="status" aria-live="polite">
          <p>{t('importing', { done: step.done, total: step.total })}</p>
          <progress max={100} value={progressPercent(step.done, step.total)} />
        </div>
      )}
      {step.kind === 'done' && (
        <div role="status">
          <p>{t('summary', { created: step.summary.created, updated: step.summary.updated, bad: step.summary.errors.length })}</p>
          <p className="muted small">{t('summaryRows', { rows: step.summary.totalRows })}</p>
          <Assumptions list={step.summary.assumptions} t={t} />
          <BadRows errors={step.summary.errors} t={t} />
        </div>
      )}
      {step.kind === 'failed' && (
        <p className="error" role="alert">
          {step.plain ? step.message : t('failed', { message: step.message })}
        </p>
      )}
      <div className="actions">
        {(step.kind === 'preview' || step.kind === 'failed') && (
          <button type="button" onClick={() => setStep({ kind: 'choose' })}>
            {t('back')}
          </button>
        )}
        <button type="button" onClick={() => onClose(step.kind === 'done')} disabled={step.kind === 'importing'}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}

function PreviewStep(props: {
  step: Extract<Step, { kind: 'preview' }>;
  t: T<Key>;
  onMapping: (m: ColumnMapping) => void;
  onApply: () => void;
  onImport: () => void;
}) {
  const { step, t } = props;
  const { preview } = step;
  const needsMapping = preview.format === 'mapped';
  const stillMissing = needsMapping ? missingRequired(step.mapping) : [];
  const good = preview.productCount;
  return (
    <>
      <p>{t('format', { format: t(`format_${preview.format}` as Key) })}</p>
      {step.latin && (
        <p className="muted small" role="note" id="import-encoding">
          {step.latin === 'windows-1256' ? t('encodingNoteArabic') : t('encodingNote')}
        </p>
      )}
      {needsMapping && (
        <fieldset className="catalog-mapping">
          <legend>{t('mappingTitle')}</legend>
          <p className="muted small">{t('mappingHint')}</p>
          {MAPPABLE_FIELDS.map((field: ProductField) => (
            <div className="field-inline" key={field}>
              <label htmlFor={`map-${field}`}>
                {t(`field_${field}` as Key)}
                {field === 'name' || field === 'price' ? ' *' : ''}
              </label>
              <select
                id={`map-${field}`}
                value={step.mapping[field] ?? ''}
                onChange={(e) => props.onMapping(setMapping(step.mapping, field, e.target.value || null))}
              >
                <option value="">{t('noColumn')}</option>
                {preview.headers.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </div>
          ))}
          <button type="button" onClick={props.onApply} disabled={stillMissing.length > 0}>
            {t('applyMapping')}
          </button>
        </fieldset>
      )}
      {preview.missing.length === 0 && (
        <>
          <h3>{t('previewTitle', { count: preview.rows.length, total: preview.totalRows })}</h3>
          <div className="catalog-table-wrap">
            <table className="catalog-table">
              <thead>
                <tr>
                  <th>{t('sku')}</th>
                  <th>{t('name')}</th>
                  <th>{t('price')}</th>
                  <th>{t('stock')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.line}>
                    <td>{r.product.sku}</td>
                    <td>{r.product.name}</td>
                    <td>
                      {r.product.price} {r.product.currency}
                    </td>
                    <td>{r.product.stock ?? t('unlimited')}</td>
                    <td className="muted small">{r.exists ? t('willUpdate') : t('willCreate')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted small" id="import-counts">
            {t('previewProducts', { rows: preview.totalRows, products: preview.productCount })}
          </p>
          <Assumptions list={preview.assumptions} t={t} />
          {preview.errors.length > 0 && (
            <>
              <p>{t('badRows', { count: preview.errors.length })}</p>
              <BadRows errors={preview.errors} t={t} />
            </>
          )}
          <button type="button" className="primary" onClick={props.onImport} disabled={good <= 0}>
            {t('importNow', { count: good })}
          </button>
        </>
      )}
    </>
  );
}

function BadRows({ errors, t }: { errors: ImportSummary['errors']; t: T<Key> }) {
  const word = useNoticeWords();
  if (errors.length === 0) return null;
  return (
    <ul className="catalog-bad-rows">
      {errors.slice(0, 100).map((e) => (
        <li key={`${e.line}-${e.reason}`}>
          <strong>{t('line', { line: e.line })}</strong>
          {e.sku ? (
            <>
              {' ('}
              <bdi>{e.sku}</bdi>
              {')'}
            </>
          ) : (
            ''
          )}
          : {word('import', e.notice)}
        </li>
      ))}
    </ul>
  );
}

/** What the import assumed (blank stock, variant rows grouped), in the seller's words, with the first lines. */
function Assumptions({ list, t }: { list: readonly ImportAssumption[]; t: T<Key> }) {
  if (list.length === 0) return null;
  return (
    <ul className="catalog-assumptions">
      {list.map((a) => (
        <li key={a.code}>
          {t(`assumption_${a.code}` as Key, { count: a.count, lines: `${a.lines.join(', ')}${a.count > a.lines.length ? '…' : ''}` })}
        </li>
      ))}
    </ul>
  );
}
