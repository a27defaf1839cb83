import { daysFromCivil } from './days-from-civil.js';
import { daysInMonth } from './days-in-month.js';
import { isSupportedYear } from './is-supported-year.js';

/** Output of `parseTimestamp`: the wall-clock fields and the offset when one was written. */
export interface ParsedTimestamp {
  /** The written date and time as milliseconds since 1970-01-01 *as if it were UTC*. */
  localMs: number;
  /** The written UTC offset in minutes (`Z` is 0); null when the text carries none. */
  offsetMinutes: number | null;
}

function digits(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    value = value * 10 + c;
  }
  return value;
}

/**
 * Parses an ISO 8601 / RFC 3339 timestamp with or without an offset:
 * `YYYY-MM-DD[T| ]HH:MM[:SS[.fff]][Z|±HH[:MM]|±HHMM]`, surrounding blanks ignored.
 *
 * Method: a hand-written scanner over character codes (no RegExp, no Date), fields range-checked
 * (year 1900..2200, month 1..12, day within the month, hour 0..23, minute and second 0..59,
 * offset up to ±18:00): a date that does not exist is refused, never rolled over.
 * Fractions beyond milliseconds are truncated. Complexity O(length of text).
 *
 * @returns true and fills `out` when the text is a valid timestamp; false otherwise.
 * @example parseTimestamp('2026-03-29T09:30:00+02:00', out) // true; out.offsetMinutes === 120
 */
export function parseTimestamp(text: string, out: ParsedTimestamp): boolean {
  let start = 0;
  let end = text.length;
  while (start < end && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 9)) start++;
  while (end > start && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
  if (end - start < 16) return false;
  const year = digits(text, start, 4);
  if (!isSupportedYear(year) || text.charCodeAt(start + 4) !== 45) return false;
  const month = digits(text, start + 5, 2);
  if (month < 1 || month > 12 || text.charCodeAt(start + 7) !== 45) return false;
  const day = digits(text, start + 8, 2);
  if (day < 1 || day > daysInMonth(year, month)) return false;
  const sep = text.charCodeAt(start + 10);
  if (sep !== 84 && sep !== 32 && sep !== 116) return false; // T, space, t
  const hour = digits(text, start + 11, 2);
  if (hour < 0 || hour > 23 || text.charCodeAt(start + 13) !== 58) return false;
  const minute = digits(text, start + 14, 2);
  if (minute < 0 || minute > 59) return false;
  let i = start + 16;
  let second = 0;
  let ms = 0;
  if (i < end && text.charCodeAt(i) === 58) {
    second = digits(text, i + 1, 2);
    if (second < 0 || second > 59) return false;
    i += 3;
    if (i < end && (text.charCodeAt(i) === 46 || text.charCodeAt(i) === 44)) {
      i++;
      let scale = 100;
      const fracStart = i;
      while (i < end) {
        const c = text.charCodeAt(i) - 48;
        if (c < 0 || c > 9) break;
        ms += c * scale;
        scale /= 10;
        i++;
      }
      if (i === fracStart) return false;
      ms = Math.floor(ms);
    }
  }
  let offsetMinutes: number | null = null;
  if (i < end) {
    const c = text.charCodeAt(i);
    if ((c === 90 || c === 122) && i + 1 === end) {
      offsetMinutes = 0;
    } else if (c === 43 || c === 45) {
      const oh = digits(text, i + 1, 2);
      if (oh < 0 || oh > 18) return false;
      let om = 0;
      const rest = end - (i + 3);
      if (rest === 3 && text.charCodeAt(i + 3) === 58) om = digits(text, i + 4, 2);
      else if (rest === 2) om = digits(text, i + 3, 2);
      else if (rest !== 0) return false;
      if (om < 0 || om > 59) return false;
      offsetMinutes = (c === 45 ? -1 : 1) * (oh * 60 + om);
    } else {
      return false;
    }
  }
  out.localMs = (daysFromCivil(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second) * 1000 + ms;
  out.offsetMinutes = offsetMinutes;
  return true;
}
