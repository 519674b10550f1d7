import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { LlmHealth } from '../../../../shared/domain/llm';
import { useServices } from '../../app/services-context';
import { useOnPushed } from '../../stores/use-pushed';
import { intlLocale } from '../../i18n/define';
import { useLocale } from '../../i18n/use-locale';
import { useT } from '../../i18n/use-t';
import { useNoticeWords } from '../notices/word-notice';
import { strings } from './i18n';

/** Over every page while the shop's AI model fails: since when, why, and the way to the settings. */
export function LlmHealthBanner() {
  const t = useT(strings);
  const word = useNoticeWords();
  const locale = useLocale();
  const { client, session } = useServices();
  const shopId = useStore(session, (s) => s.shopId);
  const [health, setHealth] = useState<LlmHealth | null>(null);

  useEffect(() => {
    if (shopId === null) return;
    let live = true;
    setHealth(null);
    void client.send('settings/get-llm-health', { shopId }).then(
      (h) => live && setHealth(h),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [client, shopId]);
  useOnPushed('llm/health', (h) => {
    if (h.shopId === shopId) setHealth(h);
  });

  if (!health?.failingSince) return null;
  const since = new Date(health.failingSince).toLocaleTimeString(intlLocale(locale), { hour: '2-digit', minute: '2-digit' });
  return (
    <div className="banner banner-danger llm-health" role="alert" data-testid="llm-failing">
      <span>{t('llmFailing', { since, problem: health.problem ? word('llm', health.problem) : '' })}</span>
      <a href="#/sales-settings" data-testid="llm-failing-settings">
        {t('llmOpenSettings')}
      </a>
    </div>
  );
}
