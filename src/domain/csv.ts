// CSV for exports and imports (RFC 4180): comma-separated, CRLF line ends, fields quoted when they
// hold a comma, quote or line break. Pure string work, shared by every CSV the app reads or writes.

/** The byte-order mark that makes spreadsheet programs read the file as UTF-8. */
export const UTF8_BOM = '\uFEFF';

export type CsvCell = string | number | boolean | null | undefined;

/**
 * One cell as CSV. A text starting with = + - @ (or a tab or carriage return) gets a leading ' so a
 * spreadsheet shows it instead of running it as a formula (CSV injection); numbers are left alone.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document (with the UTF-8 BOM): a header row, then the rows. */
export function writeCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','));
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`;
}

/** One parsed record and the line it starts on (1 is the header). */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A CSV document the parser could not read, with the line where it went wrong. */
export class CsvSyntaxError extends Error {
  constructor(readonly line: number) {
    super(`CSV syntax error on line ${line}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * Parses CSV text (comma-separated; quoted fields may hold commas, "" and line breaks; CRLF or LF;
 * a leading BOM is ignored). Blank lines are skipped. Throws CsvSyntaxError for an unclosed quote or
 * text right after a closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.startsWith(UTF8_BOM) ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  while (i < src.length) {
    const start = line;
    const cells: string[] = [];
    let cell = '';
    let ended = false;
    while (!ended) {
      if (src[i] === '"') {
        i++;
        for (;;) {
          if (i >= src.length) throw new CsvSyntaxError(start);
          const ch = src[i]!;
          if (ch === '"') {
            if (src[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        const next = src[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r')
          throw new CsvSyntaxError(line);
      } else {
        while (i < src.length && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') cell += src[i++];
      }
      if (src[i] === ',') {
        cells.push(cell);
        cell = '';
        i++;
        continue;
      }
      cells.push(cell);
      if (src[i] === '\r') i++;
      if (src[i] === '\n') i++;
      line++;
      ended = true;
    }
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells });
  }
  return records;
}
