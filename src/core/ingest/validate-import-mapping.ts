import { columnsOfKind } from './columns-of-kind.js';
import { compileDateTimeFormat, type FormatPart } from './compile-date-time-format.js';
import { UPLOAD_KINDS, type UploadKind } from './types.js';

/** Where one canonical field comes from in a foreign file. */
export interface FieldMappingSpec {
  /** The source column. */
  column?: string;
  /** Several source columns: the first one that is not empty (or a null value) wins. */
  columns?: string[];
  /** Timestamps split in two: the date comes from this column, the time of day from column(s). */
  dateColumn?: string;
  /** Value map, e.g. { "AGENT": "answered" } or { "PS": "retail" }; unmapped values pass as they are. */
  values?: Record<string, string>;
  /** A constant instead of a column. */
  value?: string;
}

/** A saved description of a foreign file (an import mapping), validated. */
export interface ImportMappingSpec {
  kind: UploadKind;
  /** One character (`,` `;` tab `|`), or `whitespace` (runs of blanks and tabs). */
  delimiter: string;
  /** Format of date columns, e.g. `yymmdd` (see compileDateTimeFormat). */
  dateFormat?: string;
  /** Format of time-of-day columns, e.g. `H:MM:SS`. */
  timeFormat?: string;
  /** Format of one-column timestamps, e.g. `dd/mm/yyyy hh:mm`; absent: ISO 8601. */
  dateTimeFormat?: string;
  /** Source values that mean "empty", by source column, e.g. { "q_start": ["0:00:00"] }. */
  nullValues?: Record<string, string[]>;
  /** Rows to leave out: all conditions of one rule must hold; null matches an empty value. */
  skipRows?: Array<Record<string, string | null>>;
  /** Times of day earlier than this column's time by more than 12 hours are on the next day. */
  crossMidnight?: { referenceColumn: string };
  /** Canonical column name (snake_case) to its source. */
  fields: Record<string, FieldMappingSpec>;
}

/** A problem with a mapping document, by JSON path. */
export interface MappingIssue {
  field: string;
  value?: unknown;
  reason: string;
}

const DELIMITERS = [',', ';', '\t', '|', 'whitespace'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isText(v: unknown, max = 200): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= max;
}

/**
 * Checks an import mapping document and returns it normalised (a field given as a string is a
 * column name). Every problem is listed with its JSON path: unknown keys, unknown canonical
 * fields, required fields left unmapped, formats that do not compile, split timestamps without
 * formats, malformed value maps, null values and skip rules.
 *
 * Complexity O(size of the document).
 * @example validateImportMapping({ kind: 'forecast', delimiter: ';', fields: { channel: 'queue', ... } })
 */
export function validateImportMapping(input: unknown): { spec: ImportMappingSpec | null; issues: MappingIssue[] } {
  const issues: MappingIssue[] = [];
  if (!isRecord(input)) return { spec: null, issues: [{ field: '', reason: 'must be a JSON object' }] };
  const known = ['kind', 'delimiter', 'dateFormat', 'timeFormat', 'dateTimeFormat', 'nullValues', 'skipRows', 'crossMidnight', 'fields'];
  for (const key of Object.keys(input)) if (!known.includes(key)) issues.push({ field: key, reason: 'is not a mapping property' });

  const kind = input.kind;
  if (typeof kind !== 'string' || !(UPLOAD_KINDS as readonly string[]).includes(kind)) {
    issues.push({ field: 'kind', value: kind, reason: `must be one of ${UPLOAD_KINDS.join(', ')}` });
  }
  let delimiter = input.delimiter === undefined ? ',' : input.delimiter;
  if (delimiter === 'tab') delimiter = '\t';
  if (typeof delimiter !== 'string' || !DELIMITERS.includes(delimiter)) {
    issues.push({ field: 'delimiter', value: delimiter, reason: 'must be one of ",", ";", "\\t" (or "tab"), "|", "whitespace"' });
  }
  const format = (key: 'dateFormat' | 'timeFormat' | 'dateTimeFormat', part: FormatPart): string | undefined => {
    const v = input[key];
    if (v === undefined) return undefined;
    if (!isText(v, 64)) {
      issues.push({ field: key, value: v, reason: 'must be a format string' });
      return undefined;
    }
    try {
      compileDateTimeFormat(v, part);
    } catch (error) {
      issues.push({ field: key, value: v, reason: (error as Error).message });
    }
    return v;
  };
  const dateFormat = format('dateFormat', 'date');
  const timeFormat = format('timeFormat', 'time');
  const dateTimeFormat = format('dateTimeFormat', 'datetime');

  let nullValues: Record<string, string[]> | undefined;
  if (input.nullValues !== undefined) {
    if (!isRecord(input.nullValues)) issues.push({ field: 'nullValues', reason: 'must map source columns to lists of values' });
    else {
      nullValues = {};
      for (const [column, list] of Object.entries(input.nullValues)) {
        if (!Array.isArray(list) || !list.every((v) => typeof v === 'string')) {
          issues.push({ field: `nullValues.${column}`, reason: 'must be a list of strings' });
        } else nullValues[column] = list;
      }
    }
  }

  let skipRows: Array<Record<string, string | null>> | undefined;
  if (input.skipRows !== undefined) {
    if (!Array.isArray(input.skipRows)) issues.push({ field: 'skipRows', reason: 'must be a list of conditions' });
    else {
      skipRows = [];
      input.skipRows.forEach((rule: unknown, i) => {
        if (!isRecord(rule) || Object.keys(rule).length === 0 || !Object.values(rule).every((v) => v === null || typeof v === 'string')) {
          issues.push({ field: `skipRows[${i}]`, reason: 'must map source columns to a value or null (empty)' });
        } else skipRows!.push(rule as Record<string, string | null>);
      });
    }
  }

  let crossMidnight: { referenceColumn: string } | undefined;
  if (input.crossMidnight !== undefined) {
    const c = input.crossMidnight;
    if (!isRecord(c) || !isText(c.referenceColumn) || Object.keys(c).length !== 1) {
      issues.push({ field: 'crossMidnight', reason: 'must be { referenceColumn: <source column with a time of day> }' });
    } else {
      crossMidnight = { referenceColumn: c.referenceColumn };
      if (timeFormat === undefined) issues.push({ field: 'crossMidnight', reason: 'needs timeFormat' });
    }
  }

  const fields: Record<string, FieldMappingSpec> = {};
  if (!isRecord(input.fields)) {
    issues.push({ field: 'fields', reason: 'must map canonical columns to source columns' });
  } else if (typeof kind === 'string' && (UPLOAD_KINDS as readonly string[]).includes(kind)) {
    const columns = columnsOfKind(kind as UploadKind);
    for (const [name, raw] of Object.entries(input.fields)) {
      const path = `fields.${name}`;
      const column = columns.find((c) => c.name === name);
      if (!column) {
        issues.push({ field: path, reason: `is not a column of ${kind}; expected ${columns.map((c) => c.name).join(', ')}` });
        continue;
      }
      const f: FieldMappingSpec = typeof raw === 'string' ? { column: raw } : isRecord(raw) ? {} : (undefined as never);
      if (!isRecord(raw) && typeof raw !== 'string') {
        issues.push({ field: path, reason: 'must be a source column name or { column | columns | value, dateColumn?, values? }' });
        continue;
      }
      if (isRecord(raw)) {
        for (const key of Object.keys(raw)) {
          if (!['column', 'columns', 'dateColumn', 'values', 'value'].includes(key)) issues.push({ field: `${path}.${key}`, reason: 'is not a field mapping property' });
        }
        const sources = [raw.column !== undefined, raw.columns !== undefined, raw.value !== undefined].filter(Boolean).length;
        if (sources !== 1) issues.push({ field: path, reason: 'needs exactly one of column, columns, value' });
        if (raw.column !== undefined) {
          if (isText(raw.column)) f.column = raw.column;
          else issues.push({ field: `${path}.column`, value: raw.column, reason: 'must be a column name' });
        }
        if (raw.columns !== undefined) {
          if (Array.isArray(raw.columns) && raw.columns.length > 0 && raw.columns.every((c) => isText(c))) f.columns = raw.columns;
          else issues.push({ field: `${path}.columns`, reason: 'must be a non-empty list of column names' });
        }
        if (raw.value !== undefined) {
          if (typeof raw.value === 'string') f.value = raw.value;
          else issues.push({ field: `${path}.value`, reason: 'must be a string' });
        }
        if (raw.dateColumn !== undefined) {
          if (!column.timestamp) issues.push({ field: `${path}.dateColumn`, reason: `${name} is not a timestamp` });
          else if (!isText(raw.dateColumn)) issues.push({ field: `${path}.dateColumn`, reason: 'must be a column name' });
          else {
            f.dateColumn = raw.dateColumn;
            if (dateFormat === undefined || timeFormat === undefined) issues.push({ field: `${path}.dateColumn`, reason: 'needs dateFormat and timeFormat' });
          }
        }
        if (raw.values !== undefined) {
          if (!isRecord(raw.values) || !Object.values(raw.values).every((v) => typeof v === 'string')) {
            issues.push({ field: `${path}.values`, reason: 'must map source values to strings' });
          } else f.values = raw.values as Record<string, string>;
        }
      }
      fields[name] = f;
    }
    for (const c of columns) {
      if (c.required && !(c.name in fields)) issues.push({ field: `fields.${c.name}`, reason: 'required column is not mapped' });
    }
  }
  if (issues.length > 0) return { spec: null, issues };
  return {
    spec: {
      kind: kind as UploadKind,
      delimiter: delimiter as string,
      ...(dateFormat !== undefined ? { dateFormat } : {}),
      ...(timeFormat !== undefined ? { timeFormat } : {}),
      ...(dateTimeFormat !== undefined ? { dateTimeFormat } : {}),
      ...(nullValues ? { nullValues } : {}),
      ...(skipRows ? { skipRows } : {}),
      ...(crossMidnight ? { crossMidnight } : {}),
      fields,
    },
    issues,
  };
}
