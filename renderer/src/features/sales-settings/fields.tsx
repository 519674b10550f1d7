import type { T } from '../../i18n/use-t';
import type { strings } from './i18n';

type Keys = keyof (typeof strings)['en'];

/** What the key field may change in its section's form. */
interface KeyPatch {
  newApiKey?: string;
  removeApiKey?: boolean;
}

/**
 * A write-only API key (the LLM's and the transcription endpoint's): typed to replace, never shown back; a badge
 * says whether one is saved and a button marks it for removal.
 */
export function ApiKeyInput(props: {
  id: string;
  apiKeySet: boolean;
  newApiKey: string;
  removeApiKey: boolean;
  onChange(patch: KeyPatch): void;
  t: T<Keys>;
  /** The badge's id, when the input names it in `describedBy`. */
  stateId?: string;
  describedBy?: string;
}) {
  const { apiKeySet, removeApiKey, t } = props;
  return (
    <div className="settings-key">
      <input
        id={props.id}
        dir="ltr"
        type="password"
        autoComplete="off"
        spellCheck={false}
        aria-describedby={props.describedBy}
        placeholder={apiKeySet ? t('apiKeyPlaceholderSet') : t('apiKeyPlaceholder')}
        value={props.newApiKey}
        disabled={removeApiKey}
        onChange={(e) => props.onChange({ newApiKey: e.target.value })}
      />
      <span id={props.stateId} className={`settings-badge${apiKeySet ? ' on' : ''}`}>
        {apiKeySet ? t('apiKeySet') : t('apiKeyNotSet')}
      </span>
      {apiKeySet && (
        <button
          type="button"
          className="danger-outline"
          aria-pressed={removeApiKey}
          onClick={() => props.onChange({ removeApiKey: !removeApiKey, newApiKey: '' })}
        >
          {removeApiKey ? t('apiKeyKeep') : t('apiKeyRemove')}
        </button>
      )}
    </div>
  );
}

/** A cap or limit typed as text (the section's model validates it), its error beside it. */
export function NumberInput(props: {
  id: string;
  value: string;
  /** The error in the seller's words, or null when the value is fine. */
  error: string | null;
  onChange(value: string): void;
  className?: string;
  inputMode?: 'numeric' | 'decimal';
  describedBy?: string;
}) {
  const { error } = props;
  return (
    <>
      <input
        id={props.id}
        className={props.className ?? 'input-number input-short'}
        dir="ltr"
        inputMode={props.inputMode ?? 'numeric'}
        aria-invalid={error ? true : undefined}
        aria-describedby={props.describedBy}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      {error && <span className="error small">{error}</span>}
    </>
  );
}
