/** RFC 4180 CSV reading and writing, tolerant of what spreadsheets actually export. Pure. */

export interface CsvRecord {
  /** 1-based line number in the file where this record starts (what a seller sees in an editor). */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  delimiter: string;
  header: string[];
  records: CsvRecord[];
}

const CANDIDATE_DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of the header line: the candidate seen most often outside quotes. European Excel
 * writes `;` because `,` is its decimal separator.
 */
export function detectDelimiter(text: string): string {
  let best: string = ',';
  let bestCount = 0;
  for (const d of CANDIDATE_DELIMITERS) {
    let count = 0;
    let quoted = false;
    for (const ch of text) {
      if (ch === '"') quoted = !quoted;
      else if (!quoted && (ch === '\n' || ch === '\r')) break;
      else if (!quoted && ch === d) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Every record of the text (header included), with quotes, escaped quotes, embedded delimiters and newlines. */
export function parseRecords(input: string, delimiter: string): CsvRecord[] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let cellStarted = false;
  const endRecord = () => {
    cells.push(cell);
    if (cells.length > 1 || cells[0] !== '' || cellStarted) records.push({ line: recordLine, cells });
    cells = [];
    cell = '';
    cellStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      cellStarted = true;
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
      cellStarted = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || cells.length > 0 || cellStarted) endRecord();
  return records;
}

/** Header + records; header cells trimmed. A file with no header gives an empty header. */
export function parseCsv(text: string, delimiter = detectDelimiter(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)): ParsedCsv {
  const [head, ...records] = parseRecords(text, delimiter);
  return { delimiter, header: (head?.cells ?? []).map((h) => h.trim()), records };
}

const needsQuotes = (value: string, delimiter: string): boolean =>
  value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r') || /^\s|\s$/.test(value);

/** CSV text for rows of cells (RFC 4180: CRLF line ends, quotes only where needed). */
export function writeCsv(rows: readonly (readonly string[])[], delimiter = ','): string {
  return rows
    .map((row) => row.map((v) => (needsQuotes(v, delimiter) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter))
    .join('\r\n')
    .concat('\r\n');
}
