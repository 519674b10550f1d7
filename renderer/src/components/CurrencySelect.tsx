import { useMemo } from 'react';
import { currencyCodes, currencyLabel } from '../../../shared/domain/currencies';

/** A currency picked from the ISO 4217 list (market currencies first), labelled in the UI language. */
export function CurrencySelect(props: { id: string; value: string; locale: string; onChange: (code: string) => void; name?: string }) {
  const options = useMemo(() => currencyCodes().map((code) => ({ code, label: currencyLabel(code, props.locale) })), [props.locale]);
  const known = options.some((o) => o.code === props.value);
  return (
    <select id={props.id} name={props.name ?? 'currency'} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
      {!known && <option value={props.value}>{props.value}</option>}
      {options.map((o) => (
        <option key={o.code} value={o.code}>
          {o.label}
        </option>
      ))}
    </select>
  );
}
