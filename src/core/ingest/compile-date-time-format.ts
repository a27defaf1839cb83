import { daysInMonth } from '../time/days-in-month.js';
import { isSupportedYear } from '../time/is-supported-year.js';

/** Calendar and clock fields read by a compiled format; fields the format lacks are 0. */
export interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** Which fields a format describes: a date column, a time-of-day column, or both in one. */
export type FormatPart = 'date' | 'time' | 'datetime';

type Token = { kind: 'year4' | 'year2' | 'month' | 'day' | 'hour' | 'minute' | 'second'; width: 1 | 2 | 4 } | { kind: 'literal'; text: string };

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a date/time format of the simple notation used by ACD exports into a parser:
 * `yyyy` or `yy` year, `mm`/`m` month in a date part and minutes in a time part, `dd`/`d`
 * day, `hh`/`h` hour (0-23), `ss`/`s` second; case does not matter (`yymmdd`, `H:MM:SS`,
 * `dd/mm/yyyy hh:mm`). In a `datetime` format, `m` before the first hour token is the month
 * and after it the minute. Other characters must match literally. Two-letter tokens take
 * exactly two digits when another number follows directly (`yymmdd`), else one or two.
 * Two-digit years: 70-99 are 19xx, 00-69 are 20xx.
 *
 * Complexity: O(length) to compile; the parser is one RegExp match.
 * @throws RangeError for a format with letters outside the notation or without a field.
 * @example compileDateTimeFormat('yymmdd', 'date')('991001') // { year: 1999, month: 10, day: 1, hour: 0, minute: 0, second: 0 }
 */
export function compileDateTimeFormat(format: string, part: FormatPart): (text: string) => DateTimeParts | null {
  const tokens: Token[] = [];
  let seenHour = part === 'time';
  const lower = format.toLowerCase();
  for (let i = 0; i < lower.length; ) {
    const c = lower[i];
    let run = 1;
    while (lower[i + run] === c) run++;
    if ('ymdhs'.includes(c)) {
      if (c === 'y') {
        if (run !== 2 && run !== 4) throw new RangeError(`date format ${format}: the year is yy or yyyy`);
        tokens.push({ kind: run === 4 ? 'year4' : 'year2', width: run === 4 ? 4 : 2 });
      } else {
        if (run > 2) throw new RangeError(`date format ${format}: ${c.repeat(run)} is not a field`);
        const kind = c === 'd' ? 'day' : c === 'h' ? 'hour' : c === 's' ? 'second' : seenHour ? 'minute' : 'month';
        if (c === 'h') seenHour = true;
        tokens.push({ kind, width: run as 1 | 2 });
      }
      i += run;
    } else if (/[a-z]/.test(c) && c !== 't') {
      throw new RangeError(`date format ${format}: letter ${format[i]} is not one of y, m, d, h, s`);
    } else {
      tokens.push({ kind: 'literal', text: format.slice(i, i + run) });
      i += run;
    }
  }
  const fieldsOf = tokens.filter((t) => t.kind !== 'literal').map((t) => t.kind);
  if (part !== 'time' && !(fieldsOf.includes('day') && fieldsOf.includes('month') && (fieldsOf.includes('year4') || fieldsOf.includes('year2')))) {
    throw new RangeError(`date format ${format}: a date needs a year, a month and a day`);
  }
  if (part !== 'date' && !fieldsOf.includes('hour')) throw new RangeError(`time format ${format}: a time needs an hour`);
  if (part === 'date' && (fieldsOf.includes('hour') || fieldsOf.includes('minute') || fieldsOf.includes('second'))) {
    throw new RangeError(`date format ${format}: a date format has no time fields (use a datetime format)`);
  }
  let source = '^\\s*';
  tokens.forEach((t, i) => {
    if (t.kind === 'literal') {
      source += escape(t.text).replace(/t/gi, '[Tt]');
      return;
    }
    const next = tokens[i + 1];
    const glued = next !== undefined && next.kind !== 'literal';
    source += t.width === 4 ? '(\\d{4})' : t.width === 2 && glued ? '(\\d{2})' : t.width === 2 || !glued ? '(\\d{1,2})' : '(\\d)';
  });
  const pattern = new RegExp(source + '\\s*$');
  const kinds = tokens.filter((t): t is Exclude<Token, { kind: 'literal' }> => t.kind !== 'literal').map((t) => t.kind);
  return (text: string): DateTimeParts | null => {
    const m = pattern.exec(text);
    if (!m) return null;
    const p: DateTimeParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    kinds.forEach((kind, i) => {
      const v = Number(m[i + 1]);
      switch (kind) {
        case 'year4': p.year = v; break;
        case 'year2': p.year = v >= 70 ? 1900 + v : 2000 + v; break;
        case 'month': p.month = v; break;
        case 'day': p.day = v; break;
        case 'hour': p.hour = v; break;
        case 'minute': p.minute = v; break;
        case 'second': p.second = v; break;
      }
    });
    if (part !== 'time' && (!isSupportedYear(p.year) || p.month < 1 || p.month > 12 || p.day < 1 || p.day > daysInMonth(p.year, p.month))) return null;
    if (p.hour > 23 || p.minute > 59 || p.second > 59) return null;
    return p;
  };
}
