import { PagePlaceholder } from '../../components/PagePlaceholder';
import { useT } from '../../i18n/use-t';
import { strings } from './i18n';

/** Placeholder until this page's feature lands; its owner replaces the contents. */
export function SalesSettingsPage() {
  const t = useT(strings);
  return <PagePlaceholder title={t('title')} body={t('body')} />;
}
