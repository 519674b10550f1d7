import { useEffect, useRef } from 'react';
import type { T } from '../../i18n/use-t';
import { type FactsErrors, newZoneRow, type ZoneRow } from './facts-model';
import type { strings } from './i18n';

type Keys = keyof (typeof strings)['en'];

/** The delivery zones as an editable table; "Add a zone" moves focus to the new row's name. */
export function ZonesTable({
  rows,
  onChange,
  errors,
  t,
}: {
  rows: ZoneRow[];
  onChange(rows: ZoneRow[]): void;
  errors: FactsErrors;
  t: T<Keys>;
}) {
  const focusKey = useRef<string | null>(null);
  const tableRef = useRef<HTMLTableElement>(null);
  useEffect(() => {
    if (!focusKey.current) return;
    tableRef.current?.querySelector<HTMLInputElement>(`[data-zone="${focusKey.current}"]`)?.focus();
    focusKey.current = null;
  }, [rows]);

  const update = (key: string, patch: Partial<ZoneRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const row = newZoneRow();
    focusKey.current = row.key;
    onChange([...rows, row]);
  };
  const errorOf = (key: string, field: 'name' | 'fee') => errors[`zone-${key}-${field}`] as Keys | undefined;

  return (
    <>
      {rows.length === 0 && <p className="muted">{t('zonesEmpty')}</p>}
      {rows.length > 0 && (
        <table className="settings-zones" ref={tableRef}>
          <thead>
            <tr>
              <th scope="col">{t('zoneName')}</th>
              <th scope="col">{t('zoneFee')}</th>
              <th scope="col">{t('zoneDelay')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('zoneRemoveUnnamed')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => {
              const nameError = errorOf(row.key, 'name');
              const feeError = errorOf(row.key, 'fee');
              return (
                <tr key={row.key}>
                  <td>
                    <input
                      data-zone={row.key}
                      aria-label={`${t('zoneName')} ${i + 1}`}
                      aria-invalid={nameError ? true : undefined}
                      aria-describedby={nameError ? `zone-err-${row.key}` : undefined}
                      value={row.name}
                      onChange={(e) => update(row.key, { name: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input-number"
                      dir="ltr"
                      inputMode="decimal"
                      aria-label={`${t('zoneFee')} ${i + 1}`}
                      aria-invalid={feeError ? true : undefined}
                      aria-describedby={feeError ? `zone-err-${row.key}` : undefined}
                      value={row.fee}
                      onChange={(e) => update(row.key, { fee: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      className="input-short"
                      dir="ltr"
                      aria-label={`${t('zoneDelay')} ${i + 1}`}
                      placeholder={t('zoneDelayPlaceholder')}
                      value={row.delayDays}
                      onChange={(e) => update(row.key, { delayDays: e.target.value })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="danger-outline"
                      aria-label={row.name.trim() ? t('zoneRemove', { name: row.name.trim() }) : t('zoneRemoveUnnamed')}
                      onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                    >
                      ×
                    </button>
                    {(nameError || feeError) && (
                      <span id={`zone-err-${row.key}`} className="error small settings-row-error">
                        {t((nameError ?? feeError) as Keys)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" onClick={add}>
        + {t('zoneAdd')}
      </button>
    </>
  );
}
