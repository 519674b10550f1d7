import { useStore } from 'zustand';
import { useServices } from '../../app/services-context';
import { Icon } from '../../components/Icon';
import { useT } from '../../i18n/use-t';
import { type PageDef, type PageId, pages } from '../pages';
import { strings } from './i18n';

/** Plain links (`#/page`): Tab reaches each, Enter follows, Alt+1…8 jumps (see Shell). */
export function Nav({ current, list = pages }: { current: PageId; list?: readonly PageDef[] }) {
  const t = useT(strings);
  const { newOrders } = useServices();
  const unseenOrders = useStore(newOrders, (s) => s.unseen);
  return (
    <nav className="nav" aria-label={t('navLabel')}>
      <ul>
        {list.map((page, i) => (
          <li key={page.id}>
            <a
              href={`#/${page.id}`}
              className="nav-link"
              aria-current={page.id === current ? 'page' : undefined}
              data-testid={`nav-${page.id}`}
              aria-keyshortcuts={`Alt+${i + 1}`}
              title={t(`nav.${page.id}`)}
            >
              <Icon name={page.icon} />
              <span className="nav-label">{t(`nav.${page.id}`)}</span>
              {page.id === 'orders' && unseenOrders > 0 && (
                <span className="nav-badge" data-testid="nav-orders-badge" aria-label={t('newOrders', { count: unseenOrders })}>
                  {unseenOrders}
                </span>
              )}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
