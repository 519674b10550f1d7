import { type FormEvent, type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import { useErrorWords } from '../notices/error-words';

export interface StepNav {
  /** The step's work is done: go on (or leave the wizard on the last step). */
  done(): void;
  back: (() => void) | null;
  skip: (() => void) | null;
}

const FIELDS = 'input:not([type="hidden"]):checked, input:not([type="hidden"]):not([type="radio"]), select, textarea';

/**
 * One wizard step: its title, its fields and Back / Skip / Continue. It is a form, so Enter in a field (or on a
 * choice) continues; the first field has the focus when the step opens. `submit` may refuse by throwing: the
 * message is shown and the step stays.
 */
export function StepFrame(props: {
  title: string;
  body?: string;
  nav: StepNav;
  /**
   * Runs before continuing, given the button that submitted (the form's first submit button on Enter); return
   * false to stay on the step without an error (e.g. a product was added).
   */
  submit?: (submitter: HTMLElement | null) => Promise<boolean | void> | boolean | void;
  submitLabel?: string;
  /** Content outside the form (a dialog, the test phone: they hold forms of their own). */
  outside?: ReactNode;
  /** Where the focus goes first when it is not the first field. */
  focusSelector?: string;
  extraActions?: ReactNode;
  children?: ReactNode;
}) {
  const errorText = useErrorWords();
  const t = useT(strings);
  const titleId = useId();
  const ref = useRef<HTMLElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { focusSelector } = props;

  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const target =
      (focusSelector ? root.querySelector<HTMLElement>(focusSelector) : null) ??
      root.querySelector<HTMLElement>(FIELDS) ??
      root.querySelector<HTMLElement>('button[type="submit"]');
    target?.focus();
  }, [focusSelector]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const go = await props.submit?.((e.nativeEvent as SubmitEvent).submitter);
      setError(null);
      if (go !== false) props.nav.done();
    } catch (err) {
      setError(t('failed', { message: errorText(err) }));
    } finally {
      setBusy(false);
    }
  };

  // Browsers do not submit a form on Enter in a radio button: the keyboard path is the same as in a text field.
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && e.target instanceof HTMLInputElement && e.target.type === 'radio') {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };

  return (
    <section className="wizard-step" aria-labelledby={titleId} ref={ref}>
      <h1 id={titleId}>{props.title}</h1>
      {props.body && <p className="muted">{props.body}</p>}
      {props.outside}
      <form onSubmit={(e) => void onSubmit(e)} onKeyDown={onKeyDown} data-testid="wizard-form">
        {props.children}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="wizard-actions">
          {props.nav.back && (
            <button type="button" onClick={props.nav.back} data-testid="wizard-back">
              {t('back')}
            </button>
          )}
          <span className="wizard-spacer" />
          {props.nav.skip && (
            <button type="button" className="link-button" onClick={props.nav.skip} data-testid="wizard-skip">
              {t('skip')}
            </button>
          )}
          {props.extraActions}
          <button type="submit" className="primary" disabled={busy} data-testid="wizard-next">
            {props.submitLabel ?? t('next')}
          </button>
        </div>
      </form>
    </section>
  );
}
