import { parseDecimal } from '../../core/ingest/parse-decimal.js';
import { resolveInstant } from '../../core/ingest/resolve-instant.js';
import type { ColumnSpec, RowIssue } from '../../core/ingest/types.js';
import type { ZoneClock } from '../../core/time/create-zone-clock.js';
import { parseCivilDate } from '../../core/time/parse-civil-date.js';
import type { BinaryCopyWriter } from '../uploads/binary-copy-writer.js';
import type { ChunkContext, IngestTransaction, KpiInputKind, ResolvedChannel, RowSink } from '../uploads/ingest.types.js';
import { rejectStagedRows, RowErrors } from '../uploads/row-errors.js';
import type { FieldSpec, KindContext, KindSpec, RowValues } from './kpi-input-kinds.js';
import type { KpiInputsRepository } from './kpi-inputs.repository.js';

/** What a KPI input upload answers. */
export interface KpiInputResult {
  uploadId: string;
  kind: KpiInputKind;
  rows: number;
  /** Rows whose natural key was new. */
  inserted: number;
  /** Rows that replaced a stored row with the same natural key (0 for kinds without one). */
  replaced: number;
}

const TEXT_MAX = 200;
const TRUE = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0']);
const DECIMAL = /^[+-]?\d{1,15}(\.\d{1,6})?$/;
const COUNT = /^\d{1,15}$/;

/** Staging column type of a field: channels as ids, instants and numbers typed, the rest as checked text cast by the merge. */
export function stagingType(f: FieldSpec): string {
  switch (f.type) {
    case 'channel':
      return 'integer';
    case 'instant':
      return 'timestamptz';
    case 'number':
      return 'double precision';
    case 'text':
    case 'date':
    case 'decimal':
    case 'count':
    case 'boolean':
    case 'enum':
    case 'currency':
      return 'text';
  }
}

function isDate(text: string): boolean {
  return !Number.isNaN(parseCivilDate(text));
}

/**
 * The one sink of the nine KPI input uploads, driven by the kind's column spec: reads and
 * checks each row (types, required values, channel codes, cross-field rules), stages it with a
 * binary COPY, and in `finish` refuses natural keys repeated inside the upload (naming both
 * lines) and upserts every row in the upload's transaction. Kinds with a currency column (costs)
 * keep one currency per tenant: a row in another currency than the upload's first row is refused,
 * and so is the upload when any stored row not replaced by it has another currency.
 */
export class KpiInputSink implements RowSink<KpiInputResult, null> {
  readonly kind: KpiInputKind;
  readonly channelFree = true;
  readonly columns: readonly ColumnSpec[];
  readonly stagingColumns: string;
  readonly stagingColumnsDdl: string;
  private readonly channelField: number;
  private readonly left: Array<{ fromUtc: Date; toUtc: Date }> = [];
  /** The currency of the upload's first row with a valid one, and that row's line (costs: one currency per tenant). */
  private currency: { code: string; line: number } | null = null;

  constructor(
    private readonly spec: KindSpec,
    private readonly repository: KpiInputsRepository,
    private readonly channels: ReadonlyMap<string, ResolvedChannel>,
    /** Zone of wall-clock instants in rows without a channel (the business calendar's). */
    private readonly defaultClock: ZoneClock,
    private readonly ctx: KindContext,
    private readonly mode: 'csv' | 'json',
  ) {
    this.kind = spec.kind;
    this.columns = spec.fields.map((f) => ({ name: f.name, required: f.required, ...(f.type === 'instant' ? { timestamp: true } : {}) }));
    this.stagingColumns = ['line', ...spec.fields.map((f) => f.target)].join(', ');
    this.stagingColumnsDdl = ['line integer', ...spec.fields.map((f) => `${f.target} ${stagingType(f)}`)].join(', ');
    this.channelField = spec.fields.findIndex((f) => f.type === 'channel');
  }

  accept(fields: readonly string[], p: Int32Array, _channel: ResolvedChannel, line: number, w: BinaryCopyWriter, issues: RowIssue[]): boolean {
    const specs = this.spec.fields;
    const get = (k: number): string => (p[k] >= 0 ? (fields[p[k]] ?? '').trim() : '');
    const row: RowValues = {};
    let channel: ResolvedChannel | null = null;
    if (this.channelField >= 0) {
      const code = get(this.channelField);
      if (code !== '') {
        channel = this.channels.get(code) ?? null;
        if (!channel) issues.push({ column: specs[this.channelField].name, value: code, reason: 'is not a channel of the tenant' });
      }
    }
    let bytes = 16;
    specs.forEach((f, k) => {
      const text = get(k);
      bytes += 12 + text.length * 3; // at most 4 + 8 (int4, float8, timestamptz) or 4 + 3 × length (text)
      if (text === '') {
        if (f.required) issues.push({ column: f.name, value: '', reason: 'is required' });
        row[f.name] = null;
        return;
      }
      const bad = (reason: string): void => {
        issues.push({ column: f.name, value: text, reason });
        row[f.name] = null;
      };
      switch (f.type) {
        case 'text':
          if (text.length > TEXT_MAX) bad(`must be at most ${TEXT_MAX} characters`);
          else row[f.name] = text;
          break;
        case 'channel':
          row[f.name] = channel ? channel.id : null;
          break;
        case 'instant': {
          const at = resolveInstant(text, channel?.grid.clock ?? this.defaultClock);
          if (typeof at === 'string') bad(at);
          else row[f.name] = at;
          break;
        }
        case 'date':
          if (!isDate(text)) bad('must be a date YYYY-MM-DD');
          else row[f.name] = text;
          break;
        case 'number': {
          const v = parseDecimal(text);
          if (!Number.isFinite(v)) bad('must be a finite number');
          else row[f.name] = v;
          break;
        }
        case 'decimal':
          if (!DECIMAL.test(text)) bad('must be a decimal number such as 1250.50 (point, no thousands separator)');
          else row[f.name] = text;
          break;
        case 'count':
          if (!COUNT.test(text)) bad('must be a whole number >= 0');
          else row[f.name] = text;
          break;
        case 'boolean': {
          const v = text.toLowerCase();
          if (TRUE.has(v)) row[f.name] = true;
          else if (FALSE.has(v)) row[f.name] = false;
          else bad('must be true or false (also yes/no, y/n, 1/0)');
          break;
        }
        case 'enum':
          if (!f.values?.includes(text)) bad(`must be one of ${f.values?.join(', ') ?? ''}`);
          else row[f.name] = text;
          break;
        case 'currency':
          if (!/^[A-Z]{3}$/.test(text)) bad('must be an ISO 4217 currency code such as EUR');
          else if (this.currency && this.currency.code !== text) {
            bad(`currency ${text} differs from ${this.currency.code}, the currency of ${this.mode === 'csv' ? 'line' : 'row'} ${this.currency.line} (one currency per tenant)`);
          } else {
            this.currency ??= { code: text, line };
            row[f.name] = text;
          }
          break;
      }
    });
    if (issues.length === 0 && this.spec.check) {
      for (const i of this.spec.check(row, this.ctx)) {
        const k = specs.findIndex((f) => f.name === i.column);
        issues.push({ column: i.column, value: k >= 0 ? get(k) : '', reason: i.reason });
      }
    }
    if (issues.length > 0) return false;
    w.beginRow(specs.length + 1, bytes);
    w.int4(line);
    for (const f of specs) {
      const v = row[f.name];
      if (v === null || v === undefined) w.nullValue();
      else if (f.type === 'channel') w.int4(v as number);
      else if (f.type === 'instant') w.timestamptz(v as number);
      else if (f.type === 'number') w.float8(v as number);
      else w.text(String(v));
    }
    return true;
  }

  sealChunk(): null {
    return null;
  }

  /** Chunks stay staged: repeated keys need every row, so all is merged in `finish`. */
  mergeChunk(_ctx: ChunkContext, _table: string, _info: null): Promise<boolean> {
    return Promise.resolve(true);
  }

  async finish(tx: IngestTransaction): Promise<KpiInputResult> {
    const repeats = await this.repository.stagedRepeats(tx.client, this.spec, tx.stagingTables);
    if (repeats.length) {
      const column = this.spec.fields.find((f) => f.target === this.spec.key?.[0])?.name ?? this.spec.fields[0].name;
      rejectStagedRows(this.mode, repeats, (r, where) => ({ column, value: r.value, reason: `repeats the key (${this.keyNames()}) of ${where} ${r.firstLine}` }));
    }
    if (this.spec.kind === 'case-updates') {
      const unknown = await this.repository.stagedUnknownCases(tx.client, tx.tenantId, tx.stagingTables);
      if (unknown.length) {
        rejectStagedRows(this.mode, unknown, (u) => ({ column: 'case_id', value: u.caseId, reason: 'is not a case of the tenant (upload it with POST /api/v1/cases first)' }));
      }
    }
    if (this.spec.kind === 'cases') {
      // Read before the upsert overwrites them: the periods re-uploaded cases move out of.
      const leaving = await this.repository.stagedCasesLeaving(tx.client, tx.tenantId, tx.stagingTables);
      if (leaving) this.left.push(leaving);
    }
    const out = await this.repository.upsert(tx.client, this.spec, tx.tenantId, tx.uploadId, tx.stagingTables);
    const currencyField = this.spec.fields.find((f) => f.type === 'currency');
    if (currencyField && this.currency) {
      // After the upsert, in the upload's transaction (the runner's per-tenant lock keeps a concurrent
      // upload out): rows this upload replaced are in its currency, so re-uploading every stored
      // row in a new currency passes; any other stored row in another currency refuses it.
      const other = await this.repository.otherCurrency(tx.client, this.spec.table, currencyField.target, tx.tenantId, this.currency.code);
      if (other) {
        const errors = new RowErrors(this.mode);
        errors.add(this.currency.line, currencyField.name, this.currency.code, `currency ${this.currency.code} differs from ${other}, the currency of this tenant's cost entries (one currency per tenant)`);
        throw errors.toError();
      }
    }
    return { uploadId: tx.uploadId, kind: this.spec.kind, rows: tx.rows, inserted: out.inserted, replaced: out.total - out.inserted };
  }

  /** The ranges the upload's rows left (cases: the previous created_at of moved cases), for the KPI recompute after commit. */
  leftRanges(): ReadonlyArray<{ fromUtc: Date; toUtc: Date }> {
    return this.left;
  }

  private keyNames(): string {
    const names = (this.spec.key ?? []).map((k) => {
      const target = /\(coalesce\((\w+)/.exec(k)?.[1] ?? k;
      return this.spec.fields.find((f) => f.target === target)?.name ?? target;
    });
    return names.join(', ');
  }
}
