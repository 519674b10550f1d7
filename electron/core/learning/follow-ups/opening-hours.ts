import { fold, tokens } from '../../text';

/**
 * The seller's opening hours, typed as free text in Settings ("9h-19h, du samedi au jeudi",
 * "Sat-Thu 9:00-18:30", "من السبت إلى الخميس 10-20", "seg a sex 9h às 18h"), read into weekly
 * ranges: a gazetteer of day names in the supported languages plus a time-range pattern. Text
 * with no time range in it is "not set" (null): the follow-up then only waits for the silence.
 */
export interface OpeningHours {
  /** 0 = Sunday … 6 = Saturday. */
  days: ReadonlySet<number>;
  /** Minutes after local midnight; an end before its start runs past midnight. */
  ranges: ReadonlyArray<readonly [number, number]>;
}

const DAY_NAMES: ReadonlyArray<readonly [number, readonly string[]]> = [
  [0, ['sun', 'sunday', 'dimanche', 'dim', 'domingo', 'dom', 'domenica', 'had', 'lhad', 'الاحد', 'احد']],
  [1, ['mon', 'monday', 'lundi', 'lun', 'segunda', 'seg', 'lunedi', 'tnin', 'letnin', 'الاثنين', 'الاتنين', 'اثنين']],
  [2, ['tue', 'tues', 'tuesday', 'mardi', 'mar', 'terca', 'ter', 'martedi', 'tlata', 'tleta', 'الثلاثاء', 'الثلاثا', 'ثلاثاء']],
  [3, ['wed', 'wednesday', 'mercredi', 'mer', 'quarta', 'qua', 'mercoledi', 'larb3a', 'lerb3a', 'arb3a', 'الاربعاء', 'الاربعا', 'اربعاء']],
  [4, ['thu', 'thur', 'thurs', 'thursday', 'jeudi', 'jeu', 'quinta', 'qui', 'giovedi', 'khmis', 'lkhmis', 'الخميس', 'خميس']],
  [5, ['fri', 'friday', 'vendredi', 'ven', 'sexta', 'sex', 'venerdi', 'jem3a', 'jom3a', 'ljem3a', 'الجمعه', 'جمعه']],
  [6, ['sat', 'saturday', 'samedi', 'sam', 'sabado', 'sab', 'sabato', 'sebt', 'sabt', 'ssebt', 'السبت', 'سبت']],
];
const DAY_OF = new Map<string, number>(DAY_NAMES.flatMap(([day, names]) => names.map((n) => [fold(n), day] as const)));
/** Words joining the two ends of a range ("du samedi au jeudi", "Sat-Thu", "من السبت إلى الخميس"). */
const RANGE_WORDS = new Set(
  ['to', 'au', 'a', 'ate', 'al', 'till', 'until', 'thru', 'through', 'jusqu', 'l', 'حتى', 'الي', 'لل', 'ل'].map(fold),
);
const EXCEPT_WORDS = new Set(
  [
    'except',
    'sauf',
    'exceto',
    'menos',
    'tranne',
    'eccetto',
    'ghir',
    'ma3ada',
    'm3ada',
    'ماعدا',
    'الا',
    'غير',
    'closed',
    'ferme',
    'fechado',
    'chiuso',
  ].map(fold),
);

const TIME = String.raw`(\d{1,2})(?:\s*[h:.]\s*(\d{2})?)?\s*(am|pm)?`;
const TIME_RANGE = new RegExp(`${TIME}\\s*(?:-|–|—|a|ate|as|to|al|alle|jusqu'a|l|الي|حتى)\\s*${TIME}`, 'g');

function minutes(hour: string, minute: string | undefined, meridiem: string | undefined): number | null {
  let h = Number(hour);
  const m = Number(minute ?? 0);
  if (meridiem === 'pm' && h < 12) h += 12;
  if (meridiem === 'am' && h === 12) h = 0;
  if (h > 24 || m > 59) return null;
  return (h % 24) * 60 + m;
}

function readRanges(folded: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const m of folded.matchAll(TIME_RANGE)) {
    const start = minutes(m[1]!, m[2], m[3]);
    const end = minutes(m[4]!, m[5], m[6]);
    if (start !== null && end !== null && start !== end) ranges.push([start, end]);
  }
  return ranges;
}

function expand(from: number, to: number): number[] {
  const days: number[] = [];
  for (let d = from; ; d = (d + 1) % 7) {
    days.push(d);
    if (d === to || days.length === 7) return days;
  }
}

function readDays(folded: string): Set<number> {
  const words = tokens(folded.replace(/[-–—]/g, ' - ')).concat([]);
  const open = new Set<number>();
  const closed = new Set<number>();
  let excepting = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (EXCEPT_WORDS.has(w)) excepting = true;
    const day = DAY_OF.get(w);
    if (day === undefined) continue;
    const target = excepting ? closed : open;
    // "samedi au jeudi": a day, a range word (or a dash, dropped by tokens), another day.
    const joiner = words[i + 1];
    const next = words[i + 2] !== undefined ? DAY_OF.get(words[i + 2]!) : undefined;
    const adjacent = joiner !== undefined ? DAY_OF.get(joiner) : undefined;
    const dashed = folded.match(new RegExp(`${w}\\s*[-–—]\\s*${joiner ?? '\\0'}`)) !== null;
    if (joiner !== undefined && RANGE_WORDS.has(joiner) && next !== undefined) {
      for (const d of expand(day, next)) target.add(d);
      i += 2;
    } else if (adjacent !== undefined && dashed) {
      for (const d of expand(day, adjacent)) target.add(d);
      i += 1;
    } else {
      target.add(day);
    }
  }
  const days = open.size ? open : new Set([0, 1, 2, 3, 4, 5, 6]);
  for (const d of closed) days.delete(d);
  return days;
}

export function parseOpeningHours(text: string): OpeningHours | null {
  const folded = fold(text);
  const ranges = readRanges(folded);
  if (ranges.length === 0) return null;
  return { days: readDays(folded.replace(TIME_RANGE, ' ')), ranges };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Weekday and minutes after midnight at `at`, in the shop's time zone. */
function localTime(at: Date, timeZone: string): { day: number; minute: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return { day: WEEKDAYS.indexOf(parts.weekday ?? 'Sun'), minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

export function isOpen(hours: OpeningHours, at: Date, timeZone: string): boolean {
  const { day, minute } = localTime(at, timeZone);
  return hours.ranges.some(([start, end]) => {
    if (start < end) return hours.days.has(day) && minute >= start && minute < end;
    // Past midnight: the evening belongs to today, the small hours to yesterday's opening.
    return (hours.days.has(day) && minute >= start) || (hours.days.has((day + 6) % 7) && minute < end);
  });
}

const STEP_MS = 5 * 60_000;

/** The first moment at or after `from` (to 5 minutes) when the shop is open, if before `until`. */
export function nextOpening(hours: OpeningHours, from: Date, timeZone: string, until: Date): Date | null {
  for (let t = from.getTime(); t < until.getTime(); t += STEP_MS) {
    if (isOpen(hours, new Date(t), timeZone)) return new Date(t);
  }
  return null;
}
