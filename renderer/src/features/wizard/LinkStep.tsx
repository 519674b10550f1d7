import { useServices } from '../../app/services-context';
import { useT } from '../../i18n/use-t';
import { type StepNav, StepFrame } from './StepFrame';
import { strings } from './i18n';

/** The last step hands over to the Connect page (QR or pairing code) — or to the inbox, for later. */
export function LinkStep({ nav }: { nav: StepNav }) {
  const t = useT(strings);
  const { wizard } = useServices();
  const leave = (hash: string) => {
    wizard.getState().close('finished');
    window.location.hash = hash;
  };
  return (
    <StepFrame
      title={t('linkTitle')}
      body={t('linkBody')}
      nav={{ ...nav, skip: null }}
      submitLabel={t('linkNow')}
      submit={() => {
        leave('#/connect');
        return false;
      }}
      extraActions={
        <button type="button" onClick={() => leave('#/inbox')} data-testid="wizard-later">
          {t('linkLater')}
        </button>
      }
    />
  );
}
