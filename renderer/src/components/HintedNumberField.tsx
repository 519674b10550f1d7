/** A labelled number with its hint beneath, the hint replaced by the error while the value is refused. */
export function HintedNumberField(props: {
  id: string;
  label: string;
  hint: string;
  /** The hint's id, which the input names in aria-describedby; `<id>-hint` by default. */
  hintId?: string;
  /** The error in the seller's words, when the value is refused. */
  error?: string | null;
  value: string | number;
  min: number;
  max: number;
  step: number;
  disabled?: boolean;
  /** The input's classes (none by default). */
  className?: string;
  onChange(value: string): void;
}) {
  const { id, error } = props;
  const hintId = props.hintId ?? `${id}-hint`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        className={props.className}
        dir="ltr"
        type="number"
        min={props.min}
        max={props.max}
        step={props.step}
        disabled={props.disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={hintId}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span id={hintId} className={error ? 'error small' : 'muted small'}>
        {error ?? props.hint}
      </span>
    </div>
  );
}
