/**
 * Calendar days of the shop's time zone as UTC instants. Stored times are UTC ISO strings and
 * SQLite knows no time zones, so a period is turned here into UTC bounds plus the few stretches
 * of constant UTC offset it spans (a daylight-saving change splits one); SQL then shifts each row
 * by its stretch's offset (see `localShiftSql`). Pure: no clock, no I/O.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Minutes to add to UTC to get the wall clock of `timeZone` at `instant` (+60 in Paris in winter). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((wall - Math.floor(instant / 1000) * 1000) / MINUTE);
}

const parseDay = (day: string): number => {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
};
const formatDay = (utcMidnight: number): string => new Date(utcMidnight).toISOString().slice(0, 10);

/** `day` + n calendar days. */
export const addDays = (day: string, n: number): string => formatDay(parseDay(day) + n * DAY);

/** Whole days from `from` to `to`, both included. */
export const dayCount = (from: string, to: string): number => Math.round((parseDay(to) - parseDay(from)) / DAY) + 1;

/** The UTC instant at which `day` starts in `timeZone` (its local midnight, or the first minute after a skipped one). */
export function localMidnightUtc(day: string, timeZone: string): number {
  const wall = parseDay(day);
  let guess = wall - offsetMinutes(wall, timeZone) * MINUTE;
  // Twice: the offset at the guess may differ from the offset at the wall time near a change.
  for (let i = 0; i < 2; i++) guess = wall - offsetMinutes(guess, timeZone) * MINUTE;
  return guess;
}

/** The local day (`YYYY-MM-DD`) of an instant. */
export const localDayOf = (instant: number, timeZone: string): string =>
  formatDay(Math.floor((instant + offsetMinutes(instant, timeZone) * MINUTE) / DAY) * DAY);

/** A stretch of time with one UTC offset: from the previous stretch's end up to `untilUtc` (exclusive; null = the period's end). */
export interface OffsetStretch {
  untilUtc: string | null;
  offsetMinutes: number;
}

export interface ZonedPeriod {
  from: string;
  to: string;
  timeZone: string;
  /** Local midnight starting `from`, as an ISO string comparable with stored times. */
  fromUtc: string;
  /** Local midnight after `to` (exclusive). */
  toUtc: string;
  days: string[];
  stretches: OffsetStretch[];
}

/** The first instant in (lo, hi] at which the offset is no longer `before` (minute precision). */
function findChange(lo: number, hi: number, before: number, timeZone: string): number {
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE || lo + MINUTE;
    if (offsetMinutes(mid, timeZone) === before) lo = mid;
    else hi = mid;
  }
  return hi;
}

/** Days `from`..`to` of `timeZone` as UTC bounds and offset stretches. */
export function zonedPeriod(from: string, to: string, timeZone: string): ZonedPeriod {
  const n = dayCount(from, to);
  if (n < 1) throw new RangeError(`The period ends (${to}) before it starts (${from})`);
  const days = Array.from({ length: n }, (_, i) => addDays(from, i));
  const starts = [...days, addDays(to, 1)].map((d) => localMidnightUtc(d, timeZone));
  const stretches: OffsetStretch[] = [];
  let current = offsetMinutes(starts[0]!, timeZone);
  for (let i = 1; i < starts.length; i++) {
    const next = offsetMinutes(starts[i]! - 1, timeZone);
    if (next !== current) {
      const at = findChange(starts[i - 1]!, starts[i]! - 1, current, timeZone);
      stretches.push({ untilUtc: new Date(at).toISOString(), offsetMinutes: current });
      current = next;
    }
  }
  stretches.push({ untilUtc: null, offsetMinutes: current });
  return {
    from,
    to,
    timeZone,
    fromUtc: new Date(starts[0]!).toISOString(),
    toUtc: new Date(starts.at(-1)!).toISOString(),
    days,
    stretches,
  };
}

/**
 * A SQL expression giving the modifier that shifts `column` (a UTC ISO time) to the shop's wall
 * clock, e.g. `date(created_at, <expr>)`. Offsets are integers from `zonedPeriod`, inlined; the
 * change instants are ISO strings, inlined as literals (they are ours, never user text).
 */
export function localShiftSql(column: string, stretches: readonly OffsetStretch[]): string {
  const last = stretches.at(-1);
  if (!last) throw new Error('no offset stretches');
  const whens = stretches
    .slice(0, -1)
    .map((s) => `WHEN ${column} < '${s.untilUtc!}' THEN '${signed(s.offsetMinutes)} minutes'`)
    .join(' ');
  return whens ? `(CASE ${whens} ELSE '${signed(last.offsetMinutes)} minutes' END)` : `'${signed(last.offsetMinutes)} minutes'`;
}

const signed = (n: number): string => {
  if (!Number.isInteger(n)) throw new Error(`offset ${n} is not whole minutes`);
  return n >= 0 ? `+${n}` : String(n);
};

/**
 * The local day of stored UTC times within a period, from the period's offset stretches: what
 * `date(column, localShiftSql(column, stretches))` gives in SQL (the same string comparisons).
 * Days are formatted once per call's day number (thousands of orders share a month of days).
 */
export function makeLocalDayIn(stretches: readonly OffsetStretch[]): (utc: string) => string {
  const formatted = new Map<number, string>();
  return (utc) => {
    const stretch = stretches.find((s) => s.untilUtc === null || utc < s.untilUtc) ?? stretches.at(-1)!;
    const dayNumber = Math.floor((Date.parse(utc) + stretch.offsetMinutes * MINUTE) / DAY);
    let day = formatted.get(dayNumber);
    if (day === undefined) formatted.set(dayNumber, (day = formatDay(dayNumber * DAY)));
    return day;
  };
}
