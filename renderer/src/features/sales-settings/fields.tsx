import { Field, TextField } from '../../components/Field';
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
 * (`<id>-state`) says whether one is saved and a button marks it for removal.
 */
export function ApiKeyField(props: {
  id: string;
  apiKeySet: boolean;
  newApiKey: string;
  removeApiKey: boolean;
  onChange(patch: KeyPatch): void;
  t: T<Keys>;
  /** What saving will do with the key, under it (`<id>-hint`). */
  hint?: string;
}) {
  const { id, apiKeySet, removeApiKey, hint, t } = props;
  const stateId = `${id}-state`;
  return (
    <Field id={id} label={t('apiKey')} hint={hint}>
      <div className="settings-key">
        <input
          id={id}
          dir="ltr"
          type="password"
          autoComplete="off"
          spellCheck={false}
          aria-describedby={hint === undefined ? stateId : `${stateId} ${id}-hint`}
          placeholder={apiKeySet ? t('apiKeyPlaceholderSet') : t('apiKeyPlaceholder')}
          value={props.newApiKey}
          disabled={removeApiKey}
          onChange={(e) => props.onChange({ newApiKey: e.target.value })}
        />
        <span id={stateId} className={`settings-badge${apiKeySet ? ' on' : ''}`}>
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
    </Field>
  );
}

/** An OpenAI-compatible endpoint's address and model, typed in Latin script whatever the page's direction. */
export function EndpointFields(props: {
  /** The fields' ids start with it: `<prefix>-base-url`, `<prefix>-model`. */
  idPrefix: string;
  baseUrl: string;
  model: string;
  /** The address's error in the seller's words, or null. */
  baseUrlError: string | null;
  onBaseUrl(baseUrl: string): void;
  onModel(model: string): void;
  t: T<Keys>;
}) {
  const { idPrefix, t } = props;
  return (
    <>
      <TextField
        id={`${idPrefix}-base-url`}
        dir="ltr"
        type="url"
        placeholder="https://…/v1"
        label={t('baseUrl')}
        error={props.baseUrlError}
        value={props.baseUrl}
        onChange={props.onBaseUrl}
      />
      <TextField id={`${idPrefix}-model`} dir="ltr" label={t('model')} value={props.model} onChange={props.onModel} />
    </>
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

/** A cap or limit on one line (`.field-inline`): its label, then the number and its error. */
export function CapField({ label, ...input }: Parameters<typeof NumberInput>[0] & { label: string }) {
  return (
    <div className="field-inline">
      <label htmlFor={input.id}>{label}</label>
      <NumberInput {...input} />
    </div>
  );
}

/**
 * An endpoint preset: the known services, "custom" (typed by hand) and, where the section may be off, an
 * "off" choice first. Choosing one fills the address and model (the section's model does it).
 */
export function PresetField(props: {
  id: string;
  value: string;
  presets: readonly { id: string; label: string }[];
  onChange(preset: string): void;
  t: T<Keys>;
  /** The words of an "off" choice listed first, when the section can be turned off. */
  offLabel?: string;
  /** What the chosen preset is good for. */
  hint?: string;
}) {
  const { t } = props;
  return (
    <Field id={props.id} label={t('preset')} hint={props.hint}>
      <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.offLabel !== undefined && <option value="off">{props.offLabel}</option>}
        <option value="custom">{t('presetCustom')}</option>
        {props.presets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
