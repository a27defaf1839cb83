import { civilFromDays } from '../time/civil-from-days.js';
import { daysFromCivil } from '../time/days-from-civil.js';
import { columnsOfKind } from './columns-of-kind.js';
import { compileDateTimeFormat, type DateTimeParts } from './compile-date-time-format.js';
import type { HeaderIssue } from './resolve-columns.js';
import type { RowIssue } from './types.js';
import type { ImportMappingSpec } from './validate-import-mapping.js';

/** Turns records of a foreign file into records of the canonical columns. */
export interface RecordMapper {
  /** The canonical columns produced, in canonical order (the header of the mapped records). */
  header: string[];
  /** For each produced column, the source column(s) it comes from (for error messages). */
  sources: string[];
  /** Source columns the mapping names that the file does not have. */
  issues: HeaderIssue[];
  /** Fills `out` (one string per produced column); 'skip' for rows a skip rule leaves out. */
  map(fields: readonly string[], out: string[]): 'ok' | 'skip' | RowIssue;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function localText(days: number, secondsOfDay: number): string {
  const { year, month, day } = civilFromDays(days);
  return `${year}-${two(month)}-${two(day)}T${two(Math.floor(secondsOfDay / 3600))}:${two(Math.floor(secondsOfDay / 60) % 60)}:${two(secondsOfDay % 60)}`;
}

const secondsOf = (p: DateTimeParts): number => p.hour * 3600 + p.minute * 60 + p.second;

/**
 * Compiles an import mapping against the header of a foreign file. Each canonical field takes
 * a constant, a source column, or the first non-empty of several; values listed in
 * `nullValues` count as empty; `values` maps codes (`AGENT` to `answered`, `PS` to `retail`).
 * Timestamps may be one column (ISO, or `dateTimeFormat`) or a date column plus a time-of-day
 * column; with `crossMidnight`, a time of day more than 12 hours before the reference column's
 * time is on the next day (a call answered at 00:00:04 that entered at 23:59:39). Timestamps
 * come out as local wall-clock text `YYYY-MM-DDTHH:MM:SS`, resolved in the channel's zone later.
 *
 * Complexity: O(header) to compile, O(mapped fields) per record.
 * @example createRecordMapper(bankMapping, header).map(fields, out) // 'ok' | 'skip' | { column, value, reason }
 */
export function createRecordMapper(spec: ImportMappingSpec, header: readonly string[]): RecordMapper {
  const issues: HeaderIssue[] = [];
  const trimmed = header.map((h) => h.trim());
  const indexOf = (name: string): number => {
    let i = trimmed.indexOf(name);
    if (i === -1) i = trimmed.findIndex((h) => h.toLowerCase() === name.toLowerCase());
    if (i === -1 && !issues.some((x) => x.column === name)) issues.push({ column: name, reason: 'column named by the mapping is not in the file' });
    return i;
  };
  const nulls = new Map<number, Set<string>>();
  for (const [column, values] of Object.entries(spec.nullValues ?? {})) {
    const i = trimmed.indexOf(column);
    if (i !== -1) nulls.set(i, new Set(values));
  }
  const isNull = (i: number, raw: string): boolean => raw === '' || (nulls.get(i)?.has(raw) ?? false);
  const rawAt = (fields: readonly string[], i: number): string => (fields[i] ?? '').trim();

  const skipRules = (spec.skipRows ?? []).map((rule) => Object.entries(rule).map(([column, value]) => ({ i: indexOf(column), value })));
  const dateParser = spec.dateFormat ? compileDateTimeFormat(spec.dateFormat, 'date') : null;
  const timeParser = spec.timeFormat ? compileDateTimeFormat(spec.timeFormat, 'time') : null;
  const dateTimeParser = spec.dateTimeFormat ? compileDateTimeFormat(spec.dateTimeFormat, 'datetime') : null;
  const reference = spec.crossMidnight ? indexOf(spec.crossMidnight.referenceColumn) : -1;

  const produced: string[] = [];
  const sources: string[] = [];
  const mappers: Array<(fields: readonly string[]) => string | RowIssue> = [];
  for (const column of columnsOfKind(spec.kind)) {
    const f = spec.fields[column.name];
    if (!f) continue;
    produced.push(column.name);
    if (f.value !== undefined) {
      const constant = f.value;
      sources.push(column.name);
      mappers.push(() => constant);
      continue;
    }
    const names = f.columns ?? (f.column !== undefined ? [f.column] : []);
    const at = names.map(indexOf);
    sources.push(names.join('|'));
    const pick = (fields: readonly string[]): { raw: string; source: string } | null => {
      for (let k = 0; k < at.length; k++) {
        const i = at[k];
        const raw = rawAt(fields, i);
        if (!isNull(i, raw)) return { raw, source: names[k] };
      }
      return null;
    };
    if (column.timestamp && f.dateColumn !== undefined) {
      const dateAt = indexOf(f.dateColumn);
      const dateName = f.dateColumn;
      mappers.push((fields) => {
        const picked = pick(fields);
        if (!picked) return '';
        const time = timeParser!(picked.raw);
        if (!time) return { column: picked.source, value: picked.raw, reason: `must be a time of day in the format ${spec.timeFormat}` };
        const dateRaw = rawAt(fields, dateAt);
        const date = dateParser!(dateRaw);
        if (!date) return { column: dateName, value: dateRaw, reason: `must be a date in the format ${spec.dateFormat}` };
        let days = daysFromCivil(date.year, date.month, date.day);
        const seconds = secondsOf(time);
        if (reference !== -1) {
          const refRaw = rawAt(fields, reference);
          const ref = isNull(reference, refRaw) ? null : timeParser!(refRaw);
          if (ref && seconds < secondsOf(ref) - 43_200) days += 1;
        }
        return localText(days, seconds);
      });
      continue;
    }
    if (column.timestamp && dateTimeParser) {
      mappers.push((fields) => {
        const picked = pick(fields);
        if (!picked) return '';
        const p = dateTimeParser(picked.raw);
        if (!p) return { column: picked.source, value: picked.raw, reason: `must be a timestamp in the format ${spec.dateTimeFormat}` };
        return localText(daysFromCivil(p.year, p.month, p.day), secondsOf(p));
      });
      continue;
    }
    const values = f.values ? new Map(Object.entries(f.values)) : null;
    mappers.push((fields) => {
      const picked = pick(fields);
      if (!picked) return '';
      return values?.get(picked.raw) ?? picked.raw;
    });
  }

  return {
    header: produced,
    sources,
    issues,
    map(fields, out) {
      for (const rule of skipRules) {
        let all = true;
        for (const c of rule) {
          const raw = rawAt(fields, c.i);
          if (c.value === null ? !isNull(c.i, raw) : raw !== c.value) {
            all = false;
            break;
          }
        }
        if (all) return 'skip';
      }
      for (let k = 0; k < mappers.length; k++) {
        const v = mappers[k](fields);
        if (typeof v !== 'string') return v;
        out[k] = v;
      }
      out.length = mappers.length;
      return 'ok';
    },
  };
}
