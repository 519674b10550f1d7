import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { PacingChoice, ShopSettings } from '../../../../shared/domain/settings';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { type StepNav, StepFrame } from './StepFrame';
import { strings } from './i18n';

type Intensity = ShopSettings['sales']['intensity'];
const PACINGS: readonly PacingChoice[] = ['careful', 'normal', 'fast'];
const INTENSITIES: readonly Intensity[] = ['gentle', 'balanced', 'aggressive'];

/** Reply pacing (the ban trade-off on a new number) and how hard the bot sells; both saved in the shop's settings. */
export function SalesStep({ nav }: { nav: StepNav }) {
  const t = useT(strings);
  const { client, wizard } = useServices();
  const shopId = useStore(wizard, (s) => s.shopId);
  const [pacing, setPacing] = useState<PacingChoice>('normal');
  const [intensity, setIntensity] = useState<Intensity>('balanced');

  useEffect(() => {
    if (shopId === null) return;
    let live = true;
    client.send('settings/get', { shopId }).then(
      (s) => {
        if (!live) return;
        setPacing(s.bot.pacing);
        setIntensity(s.sales.intensity);
      },
      // The defaults stand; saving will say if core is unreachable.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, shopId]);

  const submit = async () => {
    if (shopId === null) return;
    await client.send('settings/update', { shopId, patch: { bot: { pacing }, sales: { intensity } } });
  };

  return (
    <StepFrame title={t('salesTitle')} body={t('salesBody')} nav={nav} submit={submit}>
      <fieldset className="wizard-choices">
        <legend>{t('pacingLegend')}</legend>
        {PACINGS.map((p) => (
          <label key={p} className="wizard-choice">
            <input
              type="radio"
              name="pacing"
              value={p}
              checked={pacing === p}
              onChange={() => setPacing(p)}
              data-testid={`wizard-pacing-${p}`}
            />
            <span>
              <strong>{t(`pacing.${p}`)}</strong>
              <span className="muted small">{t(`pacing.${p}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="wizard-choices">
        <legend>{t('intensityLegend')}</legend>
        {INTENSITIES.map((i) => (
          <label key={i} className="wizard-choice">
            <input type="radio" name="intensity" value={i} checked={intensity === i} onChange={() => setIntensity(i)} />
            <span>
              <strong>{t(`intensity.${i}`)}</strong>
              <span className="muted small">{t(`intensity.${i}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </StepFrame>
  );
}
