import fs from 'node:fs';
import path from 'node:path';
import { ExportKind } from '../../../shared/domain/analytics';
import { PeriodError, makeAnalytics, addDays } from '../analytics';
import { option, defaultDataDir } from '../host';
import { shopDay } from '../brain';
import { DATABASE_FILE } from '../create-core';
import { openDatabase } from '../database';
import { makeSettingsRepo } from '../settings';
import { makeShopsRepo } from '../shops';
import { type CliIo, UsageError } from './io';

const EXPORT_USAGE =
  'Usage: souqbot export orders|conversations|contacts|metrics [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--shop ID] [--data-dir DIR] [--out FILE|-]';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function dayOption(argv: string[], name: 'from' | 'to'): string | undefined {
  const value = option(argv, name);
  if (value !== undefined && !DAY.test(value)) throw new UsageError(`--${name} takes a day written YYYY-MM-DD, not "${value}"`);
  return value;
}

/**
 * `souqbot export KIND`: the same CSV as the Analytics page's export buttons (UTF-8 with BOM,
 * formula cells escaped), for a period of days in the shop's time zone (default: the last 30
 * days). Writes the file named like the page's download, or FILE, or stdout with `--out -`.
 */
export async function exportCommand(argv: string[], io: CliIo, now: () => Date = () => new Date()): Promise<number> {
  const kind = ExportKind.safeParse(argv[0]);
  if (!kind.success) throw new UsageError(EXPORT_USAGE);
  const shopArg = option(argv, 'shop');
  const shopId = shopArg === undefined ? undefined : Number(shopArg);
  if (shopId !== undefined && (!Number.isInteger(shopId) || shopId <= 0)) throw new UsageError(`--shop takes a shop id, not "${shopArg}"`);
  const from = dayOption(argv, 'from');
  const to = dayOption(argv, 'to');
  const dataDir = path.resolve(option(argv, 'data-dir', 'SOUQ_DATA_DIR') ?? defaultDataDir());
  const file = path.join(dataDir, DATABASE_FILE);
  if (!fs.existsSync(file)) throw new UsageError(`No Souqbot data in ${dataDir} (run "souqbot init" or pass --data-dir)`);
  const store = await openDatabase({ file });
  try {
    const shops = await makeShopsRepo(store.db).list();
    const shop = shopId === undefined ? shops[0] : shops.find((s) => s.id === shopId);
    if (!shop)
      throw new UsageError(
        `No shop ${shopId ?? ''} in ${dataDir} (shops: ${shops.map((s) => s.id).join(', ') || 'none'})`.replace('  ', ' '),
      );
    const { timeZone } = (await makeSettingsRepo(store.db).get(shop.id)).facts;
    const end = to ?? shopDay(now(), timeZone);
    const period = { shopId: shop.id, from: from ?? addDays(end, -29), to: end, timeZone, currency: shop.currency };
    const analytics = makeAnalytics({ read: store.read });
    let out;
    try {
      out = analytics.export(kind.data, period);
    } catch (err) {
      if (err instanceof PeriodError) throw new UsageError(err.message);
      throw err;
    }
    const target = option(argv, 'out') ?? out.filename;
    if (target === '-') process.stdout.write(out.csv);
    else fs.writeFileSync(target, out.csv, 'utf8');
    io.stderr(
      `${out.rows} ${kind.data} row${out.rows === 1 ? '' : 's'} from ${period.from} to ${period.to} (${timeZone})${target === '-' ? '' : ` written to ${target}`}`,
    );
    return 0;
  } finally {
    await store.close();
  }
}
