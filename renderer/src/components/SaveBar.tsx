import type { T } from '../i18n/use-t';

/** The words a page's Save bar needs from that page's own string table. */
export type SaveBarKeys = 'save' | 'saving' | 'saved' | 'fixErrors';

/**
 * A settings form's submit button and the status beside it: core's error, "fix the marked fields" while the form is
 * refused, "Saved." after a save. Screen readers hear the status change (polite live region).
 */
export function SaveBar(props: {
  saving: boolean;
  saved: boolean;
  /** What core answered when the save failed. */
  error: string | null;
  /** The form has errors the seller has been shown. */
  invalid: boolean;
  t: T<SaveBarKeys>;
}) {
  const { saving, saved, error, invalid, t } = props;
  return (
    <div className="actions settings-actions">
      <button type="submit" className="primary" disabled={saving}>
        {saving ? t('saving') : t('save')}
      </button>
      <span role="status" aria-live="polite" className={error || invalid ? 'error' : 'muted'}>
        {error ?? (invalid ? t('fixErrors') : saved ? t('saved') : '')}
      </span>
    </div>
  );
}
