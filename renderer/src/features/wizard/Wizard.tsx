import type { ComponentType } from 'react';
import { useStore } from 'zustand';
import { SETUP_STEPS, type SetupStep } from '../../../../shared/domain/setup';
import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { StatusBar } from '../shell/StatusBar';
import { strings as shellStrings } from '../shell/i18n';
import { CatalogStep } from './CatalogStep';
import { LanguageStep } from './LanguageStep';
import { LinkStep } from './LinkStep';
import { SalesStep } from './SalesStep';
import { ShopStep } from './ShopStep';
import type { StepNav } from './StepFrame';
import { TryStep } from './TryStep';
import { strings } from './i18n';
import { isSkippable, nextStep, previousStep, stepIndex } from './wizard-model';
import './wizard.css';

const STEPS: Record<SetupStep, ComponentType<{ nav: StepNav }>> = {
  language: LanguageStep,
  shop: ShopStep,
  catalog: CatalogStep,
  sales: SalesStep,
  try: TryStep,
  link: LinkStep,
};

/** First run: language → shop → catalog → selling → test phone → WhatsApp; each step written to core as it is reached. */
export function Wizard() {
  const t = useT(strings);
  const tShell = useT(shellStrings);
  const { wizard } = useServices();
  const step = useStore(wizard, (s) => s.step);
  const shopId = useStore(wizard, (s) => s.shopId);
  const { go, close } = wizard.getState();

  const forward = () => {
    const next = nextStep(step);
    if (next) go(next);
    else close('finished');
  };
  const back = previousStep(step);
  const nav: StepNav = {
    done: forward,
    back: back ? () => go(back) : null,
    skip: isSkippable(step) ? forward : null,
  };
  const skipAll = () => {
    close('skipped');
    window.location.hash = '#/inbox';
  };
  const Step = STEPS[step];
  const n = stepIndex(step) + 1;

  return (
    <div className="wizard" data-testid="app-ready" data-page="wizard" data-step={step}>
      <div className="wizard-card">
        <header className="wizard-head">
          <div className="brand">
            <img src="./favicon.svg" alt="" width="32" height="32" />
            <span>{tShell('appName')}</span>
          </div>
          {shopId !== null && (
            <button type="button" className="link-button" onClick={skipAll} data-testid="wizard-skip-all">
              {t('skipAll')}
            </button>
          )}
        </header>
        {step === 'language' && <p className="wizard-welcome">{t('welcome')}</p>}
        <nav aria-label={t('stepsLabel')}>
          <p className="muted small">{t('stepOf', { n, total: SETUP_STEPS.length })}</p>
          <ol className="wizard-steps">
            {SETUP_STEPS.map((s, i) => (
              <li key={s} aria-current={s === step ? 'step' : undefined} data-done={i < n - 1}>
                {t(`step.${s}`)}
              </li>
            ))}
          </ol>
        </nav>
        <Step key={step} nav={nav} />
      </div>
      <StatusBar />
    </div>
  );
}
