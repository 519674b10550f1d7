import type { StrategyStat } from '../../../../shared/domain/learning';
import type { T } from '../../i18n/use-t';
import type { strings } from './i18n';
import { bySegment, percent, readSegment } from './learning-model';

type Key = keyof (typeof strings)['en'];

/** Each strategy's tries, orders and rate with its 95 % interval, per customer segment. */
export function StrategiesTable({ stats, t }: { stats: StrategyStat[]; t: T<Key> }) {
  if (stats.length === 0) return <p className="muted">{t('noStrategies')}</p>;
  return (
    <table className="learning-table" aria-label={t('strategiesTitle')}>
      <thead>
        <tr>
          <th scope="col">{t('segment')}</th>
          <th scope="col">{t('strategy')}</th>
          <th scope="col">{t('tries')}</th>
          <th scope="col">{t('orders')}</th>
          <th scope="col">{t('rate')}</th>
          <th scope="col">{t('interval')}</th>
        </tr>
      </thead>
      <tbody>
        {bySegment(stats).flatMap(({ segment, rows }) =>
          rows.map((row, i) => {
            const { returning, language } = readSegment(segment);
            return (
              <tr key={`${segment}-${row.strategy}`}>
                <td>{i === 0 ? t(returning ? 'returningCustomers' : 'newCustomers', { language }) : ''}</td>
                <td>{t(row.strategy)}</td>
                <td dir="ltr">{row.tries}</td>
                <td dir="ltr">{row.orders}</td>
                <td dir="ltr">{percent(row.rate)} %</td>
                <td dir="ltr">
                  {percent(row.low)}–{percent(row.high)} %
                </td>
              </tr>
            );
          }),
        )}
      </tbody>
    </table>
  );
}
