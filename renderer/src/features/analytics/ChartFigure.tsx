import type { ReactNode } from 'react';

export interface Column<R> {
  label: string;
  cell: (row: R) => ReactNode;
}

/** A table of rows: every chart's numbers, and the page's plain tables. */
export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
}: {
  caption: string;
  columns: Column<R>[];
  rows: readonly R[];
  rowKey: (row: R) => string;
}) {
  return (
    <table className="analytics-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.label} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={rowKey(r)}>
            {columns.map((c) => (
              <td key={c.label}>{c.cell(r)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * A chart with its title and its numbers as a table under a disclosure (screen readers and anyone
 * who wants exact figures). The chart itself is hidden from assistive technology: the table says it all.
 */
export function ChartFigure({
  id,
  title,
  hint,
  chart,
  table,
  tableLabel,
}: {
  id: string;
  title: string;
  hint?: string;
  chart: ReactNode;
  table: ReactNode;
  tableLabel: string;
}) {
  return (
    <figure className="analytics-card analytics-figure" aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
      <figcaption id={`${id}-title`}>
        <h2>{title}</h2>
        {hint && <p className="muted small">{hint}</p>}
      </figcaption>
      <div className="analytics-chart" aria-hidden="true">
        {chart}
      </div>
      <details>
        <summary>{tableLabel}</summary>
        {table}
      </details>
    </figure>
  );
}
