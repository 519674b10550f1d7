import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { TestPhone } from '../inbox/TestPhone';
import { useT } from '../../i18n/use-t';
import { type StepNav, StepFrame } from './StepFrame';
import { strings } from './i18n';

/** The inbox's test phone, open beside a question about the seller's own first product. */
export function TryStep({ nav }: { nav: StepNav }) {
  const t = useT(strings);
  const { client, wizard, testPhone } = useServices();
  const shopId = useStore(wizard, (s) => s.shopId);
  const [product, setProduct] = useState<string | null>(null);

  useEffect(() => {
    testPhone.getState().setOpen(true);
    return () => testPhone.getState().setOpen(false);
  }, [testPhone]);

  useEffect(() => {
    if (shopId === null) return;
    let live = true;
    client.send('catalog/list', { shopId, limit: 1 }).then(
      (page) => live && setProduct(page.items[0]?.name ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, shopId]);

  const question = product ? t('tryQuestion', { product }) : t('tryQuestionNoProduct');
  return (
    <StepFrame
      title={t('tryTitle')}
      body={t('tryBody')}
      nav={nav}
      focusSelector='[data-testid="test-phone-input"]'
      outside={
        <div className="wizard-try">
          <p className="wizard-suggestion" dir="auto" data-testid="wizard-suggestion">
            {t('trySuggestion', { question })}
          </p>
          <TestPhone />
        </div>
      }
    />
  );
}
