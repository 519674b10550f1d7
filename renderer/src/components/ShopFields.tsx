import { CurrencySelect } from './CurrencySelect';
import { Field } from './Field';

/** The shop's name as the seller types it, in any script (`dir="auto"`); required and at most 120 characters, as core. */
export function ShopNameField(props: {
  id: string;
  label: string;
  value: string;
  onChange(name: string): void;
  /** Focus it when the form opens (the shell's "new shop" form). */
  autoFocus?: boolean;
  autoComplete?: string;
}) {
  return (
    <Field id={props.id} label={props.label}>
      <input
        id={props.id}
        name="shop-name"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        required
        maxLength={120}
        dir="auto"
        autoFocus={props.autoFocus}
        autoComplete={props.autoComplete}
      />
    </Field>
  );
}

/** The shop's currency, labelled, picked from the ISO 4217 list in the UI's language. */
export function CurrencyField(props: { id: string; label: string; value: string; locale: string; onChange(code: string): void }) {
  return (
    <Field id={props.id} label={props.label}>
      <CurrencySelect id={props.id} value={props.value} locale={props.locale} onChange={props.onChange} />
    </Field>
  );
}
