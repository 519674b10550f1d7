import { useCallback, useEffect, useState } from 'react';
import type { CustomerProfile, CustomerProfilePatch } from '../../../../shared/domain/learning';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';
import './learning.css';
import { useErrorWords } from '../notices/error-words';

type Field = keyof Required<CustomerProfilePatch>;
const FIELDS: Array<[Field, 'profileName' | 'profilePhone' | 'profileWilaya' | 'profileCommune' | 'profileAddress']> = [
  ['name', 'profileName'],
  ['phone', 'profilePhone'],
  ['wilaya', 'profileWilaya'],
  ['commune', 'profileCommune'],
  ['address', 'profileAddress'],
];

/**
 * The customer's remembered details beside the inbox thread: the seller reads and corrects them.
 * (Deleting the customer is the reliability issue's contacts/delete; its button belongs here.)
 */
export function ProfilePanel({ shopId, contactId }: { shopId: number; contactId: number }) {
  const errorText = useErrorWords();
  const t = useT(strings);
  const { client } = useServices();
  const [profile, setProfile] = useState<CustomerProfile | null>(null);
  const [form, setForm] = useState<Record<Field, string> | null>(null);
  const [status, setStatus] = useState<string>('');

  const load = useCallback(() => {
    client.send('profiles/get', { shopId, contactId }).then(setProfile, () => setProfile(null));
  }, [client, shopId, contactId]);
  useEffect(load, [load]);

  const save = () => {
    if (!form) return;
    const patch: CustomerProfilePatch = Object.fromEntries(FIELDS.map(([f]) => [f, form[f].trim() || null]));
    client
      .send('profiles/update', { shopId, contactId, patch })
      .then((p) => {
        setProfile(p);
        setForm(null);
        setStatus(t('profileSaved'));
      })
      .catch((err: unknown) => setStatus(errorText(err)));
  };

  return (
    <details className="profile-panel" data-testid="profile-panel">
      <summary>{t('profileTitle')}</summary>
      {!profile && !form && <p className="muted small">{t('profileEmpty')}</p>}
      {profile && !form && (
        <dl className="small">
          {FIELDS.filter(([f]) => profile[f]).flatMap(([f, label]) => [
            <dt key={`${f}-t`}>{t(label)}</dt>,
            <dd key={`${f}-d`} dir="auto">
              {profile[f]}
            </dd>,
          ])}
          <dt>{t('profileOrders', { orders: profile.orders })}</dt>
          {profile.interests.length > 0 && (
            <dd dir="ltr">
              {t('profileInterests')}: {profile.interests.join(', ')}
            </dd>
          )}
        </dl>
      )}
      {form ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
        >
          {FIELDS.map(([f, label]) => (
            <div className="field" key={f}>
              <label htmlFor={`profile-${f}`}>{t(label)}</label>
              <input id={`profile-${f}`} dir="auto" value={form[f]} onChange={(e) => setForm({ ...form, [f]: e.target.value })} />
            </div>
          ))}
          <button type="submit" className="primary">
            {t('save')}
          </button>{' '}
          <button type="button" onClick={() => setForm(null)}>
            {t('cancel')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          onClick={() => setForm(Object.fromEntries(FIELDS.map(([f]) => [f, profile?.[f] ?? ''])) as Record<Field, string>)}
        >
          {t('profileEdit')}
        </button>
      )}
      <span role="status" className="muted small">
        {status}
      </span>
    </details>
  );
}
