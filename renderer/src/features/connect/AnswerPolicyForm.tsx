import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { AnswerMode } from '../../../../shared/domain/whatsapp';
import { useT } from '../../i18n/use-t';
import { ContactPicker } from './ContactPicker';
import type { ConnectStore } from './connect-store';
import { jidToPhone, parseNumberList } from './connect-model';
import { strings } from './i18n';

/** Who the bot answers on one number: mode, excluded list, catch-up age, history sync. */
export function AnswerPolicyForm({ store, accountId }: { store: ConnectStore; accountId: number }) {
  const t = useT(strings);
  const policy = useStore(store, (s) => s.policies[accountId]);
  const busy = useStore(store, (s) => s.busy);
  const [mode, setMode] = useState<AnswerMode>('everyone');
  const [excluded, setExcluded] = useState('');
  const [hours, setHours] = useState(12);
  const [history, setHistory] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void store.getState().loadPolicy(accountId);
  }, [store, accountId]);
  useEffect(() => {
    if (!policy) return;
    setMode(policy.mode);
    setExcluded(policy.excluded.map((c) => jidToPhone(c.jid)).join('\n'));
    setHours(policy.catchUpMaxHours);
    setHistory(policy.historySync);
  }, [policy]);

  if (!policy) return null;
  const modes: [AnswerMode, string][] = [
    ['everyone', t('modeEveryone')],
    ['not_excluded', t('modeNotExcluded')],
    ['new_only', t('modeNewOnly')],
  ];
  return (
    <form
      className="connect-policy"
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        void store
          .getState()
          .savePolicy(accountId, { mode, catchUpMaxHours: hours, historySync: history }, parseNumberList(excluded))
          .then(() => setSaved(store.getState().error === null));
      }}
    >
      <fieldset>
        <legend>{t('whoTitle')}</legend>
        {modes.map(([value, label]) => (
          <label key={value}>
            <input type="radio" name={`mode-${accountId}`} checked={mode === value} onChange={() => setMode(value)} /> {label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`excluded-${accountId}`}>{t('excludedLabel')}</label>
        <textarea id={`excluded-${accountId}`} value={excluded} onChange={(e) => setExcluded(e.target.value)} />
        <ContactPicker
          store={store}
          accountId={accountId}
          onPick={(phone) => setExcluded((text) => (text.includes(phone) ? text : `${text.trim()}\n${phone}`.trim()))}
        />
      </div>
      <div className="field-inline">
        <label htmlFor={`catchup-${accountId}`}>{t('catchUp')}</label>
        <input
          id={`catchup-${accountId}`}
          className="input-short"
          type="number"
          min={0}
          max={336}
          value={hours}
          onChange={(e) => setHours(Math.max(0, Math.min(336, Number(e.target.value) || 0)))}
        />
      </div>
      <label className="field-inline">
        <input type="checkbox" checked={history} onChange={(e) => setHistory(e.target.checked)} /> {t('historySync')}
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('save')}
        </button>
        {saved && <span className="muted">{t('saved')}</span>}
      </div>
    </form>
  );
}
