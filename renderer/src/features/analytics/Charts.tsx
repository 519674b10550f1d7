import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * Charts with Recharts (SVG: the browser shapes Arabic labels and applies bidi itself, so the
 * Arabic UI reads right). In a right-to-left UI the category axis runs right to left and the value
 * axis sits on the right; the SVG box itself stays ltr so Recharts' coordinates keep their meaning.
 */
export interface Series {
  key: string;
  label: string;
  colour: string;
}

const HEIGHT = 220;

/**
 * The legend in the page's direction. Recharts' own legend labels every swatch "… legend icon" in English for
 * screen readers; here the swatch is decoration and the series' name (in the seller's language) is the text.
 */
function SeriesLegend({ series, rtl }: { series: readonly Series[]; rtl: boolean }) {
  return (
    <ul
      dir={rtl ? 'rtl' : 'ltr'}
      style={{ display: 'flex', gap: '1rem', justifyContent: 'center', listStyle: 'none', margin: 0, padding: 0, fontSize: 12 }}
    >
      {series.map((s) => (
        <li key={s.key} style={{ display: 'flex', alignItems: 'center', gap: '0.35rem' }}>
          <span aria-hidden="true" style={{ inlineSize: 10, blockSize: 10, background: s.colour, display: 'inline-block' }} />
          {s.label}
        </li>
      ))}
    </ul>
  );
}

export function CategoryBars<R extends object>({
  rows,
  category,
  series,
  rtl,
  formatValue,
  horizontal = false,
}: {
  rows: readonly R[];
  category: (row: R) => string;
  series: readonly Series[];
  rtl: boolean;
  formatValue: (n: number) => string;
  horizontal?: boolean;
}) {
  const data = rows.map((r) => ({ ...r, __category: category(r) }));
  const tick = { fontSize: 12 };
  return (
    <div dir="ltr" style={{ inlineSize: '100%', blockSize: HEIGHT }}>
      <ResponsiveContainer width="100%" height={HEIGHT}>
        <BarChart data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 12, bottom: 4, left: 12 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#dfe3dd" />
          {horizontal ? (
            <>
              <XAxis type="number" reversed={rtl} tick={tick} tickFormatter={formatValue} allowDecimals={false} />
              <YAxis type="category" dataKey="__category" orientation={rtl ? 'right' : 'left'} width={130} tick={tick} />
            </>
          ) : (
            <>
              <XAxis dataKey="__category" reversed={rtl} tick={tick} />
              <YAxis orientation={rtl ? 'right' : 'left'} tick={tick} tickFormatter={formatValue} allowDecimals={false} width={56} />
            </>
          )}
          <Tooltip formatter={(value) => (typeof value === 'number' ? formatValue(value) : String(value))} />
          {series.length > 1 && <Legend content={() => <SeriesLegend series={series} rtl={rtl} />} />}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.colour} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
