import type { ReactNode } from 'react';

/** What a labelled row shows under its control: a hint, an error, both or neither. */
interface Notes {
  /** Explains the value, under the control; the control names it in aria-describedby. */
  hint?: ReactNode;
  /** The hint's id; `<id>-hint` by default. */
  hintId?: string;
  /** The error in the seller's words, or null while the value is fine; the control is marked invalid. */
  error?: string | null;
  /** The error's id; `<id>-error` by default. */
  errorId?: string;
}

/** The ids the control names in aria-describedby: its hint's and its error's, those that show. */
function notesOf(id: string, notes: Notes) {
  const hintId = notes.hintId ?? `${id}-hint`;
  const errorId = notes.errorId ?? `${id}-error`;
  const shown = [notes.hint !== undefined && hintId, notes.error && errorId].filter(Boolean);
  return { hintId, errorId, describedBy: shown.length ? shown.join(' ') : undefined };
}

/**
 * A labelled row of a form (`.field`): the label above the caller's control, then the hint and the error under it.
 * The control itself names the hint and the error (see `TextField`, which does).
 */
export function Field(props: Notes & { id: string; label: string; children: ReactNode }) {
  const { hintId, errorId } = notesOf(props.id, props);
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.hint !== undefined && (
        <span id={hintId} className="muted small">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={errorId} className="error small">
          {props.error}
        </span>
      )}
    </div>
  );
}

/** A labelled text input (or textarea) with its hint and error, wired for screen readers. */
export function TextField(
  props: Notes & {
    id: string;
    label: string;
    value: string;
    onChange(value: string): void;
    /** Several lines (a textarea) instead of one. */
    multiline?: boolean;
    /** `ltr` for what is typed in Latin script whatever the page's direction: addresses, model names, phones. */
    dir?: 'ltr';
    type?: 'url' | 'password' | 'tel' | 'number';
    placeholder?: string;
    /** A `<datalist>`'s id, given as `children`, that suggests values. */
    list?: string;
    autoComplete?: string;
    inputMode?: 'tel' | 'numeric' | 'decimal';
    min?: number;
    max?: number;
    /** Shown after the control, before the hint (a datalist). */
    children?: ReactNode;
  },
) {
  const { id, multiline, children, onChange } = props;
  const { describedBy } = notesOf(id, props);
  const common = {
    id,
    dir: props.dir,
    placeholder: props.placeholder,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy,
    value: props.value,
  };
  return (
    <Field id={id} label={props.label} hint={props.hint} hintId={props.hintId} error={props.error} errorId={props.errorId}>
      {multiline ? (
        <textarea {...common} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type}
          list={props.list}
          autoComplete={props.autoComplete}
          inputMode={props.inputMode}
          min={props.min}
          max={props.max}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {children}
    </Field>
  );
}

/** A checkbox (or one radio of a group) with its words after it, the whole line clickable. */
export function Check(props: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  type?: 'checkbox' | 'radio';
  id?: string;
  /** The form name (a radio group's, or a checkbox the tests find by name). */
  name?: string;
  value?: string;
  /** The label's classes (none by default). */
  className?: string;
}) {
  return (
    <label className={props.className}>
      <input
        type={props.type ?? 'checkbox'}
        id={props.id}
        name={props.name}
        value={props.value}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />{' '}
      {props.label}
    </label>
  );
}

/** A group of a settings form: its title (the legend), a line saying what it is for, then its rows. */
export function FieldGroup(props: {
  title: string;
  /** What the group is for, under the title. */
  intro?: string;
  /** The group's test id, for the tests that find a group by it. */
  testId?: string;
  children: ReactNode;
}) {
  return (
    <fieldset data-testid={props.testId}>
      <legend>{props.title}</legend>
      {props.intro !== undefined && <p className="muted small">{props.intro}</p>}
      {props.children}
    </fieldset>
  );
}
