import { useState } from 'react';
import { useStore } from 'zustand';
import { internationalPhone, shopDialCode } from '../../../../shared/domain/link-phone';
import type { LinkMethod } from '../../../../shared/domain/whatsapp';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import type { ConnectStore } from './connect-store';
import { formatCountdown, formatPairingCode, secondsLeft } from './connect-model';
import { strings } from './i18n';
import { useNow } from './use-now';
import { Check, TextField } from '../../components/Field';

/** Link a number: the plain warning, the method choice, then the QR or pairing code with its countdown. */
export function LinkPanel({ store }: { store: ConnectStore }) {
  const t = useT(strings);
  const linking = useStore(store, (s) => s.linking);
  const busy = useStore(store, (s) => s.busy);
  const [method, setMethod] = useState<LinkMethod>('qr');
  const [phone, setPhone] = useState('');
  const now = useNow();
  const { session } = useServices();
  const shop = useStore(session, (s) => s.shops?.find((x) => x.id === s.shopId) ?? null);
  // The same reading core applies: a local number gets the shop's country code, shown before the request.
  const typed = phone.trim() ? internationalPhone(phone, shop ? shopDialCode(shop) : null) : null;

  if (linking) {
    const shown = linking.qr ?? linking.pairing;
    const left = shown ? formatCountdown(secondsLeft(shown.expiresAt, now)) : null;
    return (
      <section className="connect-card" aria-live="polite">
        {linking.qr ? (
          <div className="connect-qr">
            <img src={linking.qr.dataUrl} alt={t('methodQr')} />
            <p>{t('scanSteps')}</p>
          </div>
        ) : linking.pairing ? (
          <div>
            <p>{t('codeSteps')}</p>
            <p className="connect-code">{formatPairingCode(linking.pairing.code)}</p>
          </div>
        ) : (
          <p className="muted">{t('waiting')}</p>
        )}
        <div className="actions">
          {left && <span className="muted">{t('expiresIn', { time: left })}</span>}
          <button type="button" onClick={() => void store.getState().linkCancel()}>
            {t('cancel')}
          </button>
        </div>
      </section>
    );
  }

  const canStart = !busy && (method === 'qr' || typed?.ok === true);
  return (
    <>
      <section className="connect-card connect-warning" role="note">
        <h2>{t('warningTitle')}</h2>
        <p>{t('warningBody')}</p>
      </section>
      <form
        className="connect-card connect-link-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canStart) void store.getState().linkStart(method, method === 'pairing-code' && typed?.ok ? `+${typed.digits}` : null);
        }}
      >
        <fieldset>
          <Check type="radio" name="wa-method" label={t('methodQr')} checked={method === 'qr'} onChange={() => setMethod('qr')} />
          <Check
            type="radio"
            name="wa-method"
            label={t('methodCode')}
            checked={method === 'pairing-code'}
            onChange={() => setMethod('pairing-code')}
          />
        </fieldset>
        {method === 'pairing-code' && (
          <TextField
            id="wa-phone"
            type="tel"
            dir="ltr"
            inputMode="tel"
            placeholder="+213 550 00 00 00"
            label={t('phoneLabel')}
            hint={
              typed?.ok && typed.changed
                ? t('phoneWillBe', { phone: `\u2066+${typed.digits}\u2069` })
                : typed && !typed.ok && typed.reason === 'needs_country_code'
                  ? t('phoneNeedsCountry')
                  : ''
            }
            value={phone}
            onChange={setPhone}
          />
        )}
        <button type="submit" className="primary" disabled={!canStart}>
          {t('start')}
        </button>
      </form>
    </>
  );
}
