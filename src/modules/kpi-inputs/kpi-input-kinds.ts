import type { KpiInputKind } from '../uploads/ingest.types.js';

/**
 * How one CSV column of a KPI input is read and where it goes:
 * - `text`: trimmed, at most 200 characters;
 * - `channel`: a channel code of the tenant, stored as its channel_id;
 * - `instant`: a timestamp with an offset, or a wall-clock time of the row's channel zone
 *   (of the business calendar's zone when the row has no channel);
 * - `date`: YYYY-MM-DD; `number`: a finite decimal number; `decimal`: an exact decimal
 *   (money); `count`: an integer ≥ 0; `boolean`: true/false, yes/no, y/n, 1/0;
 * - `enum`: one of `values`; `currency`: an ISO 4217 code (three capital letters).
 */
export type FieldType = 'text' | 'channel' | 'instant' | 'date' | 'number' | 'decimal' | 'count' | 'boolean' | 'enum' | 'currency';

export interface FieldSpec {
  /** snake_case CSV column (JSON rows: its camelCase). */
  readonly name: string;
  readonly type: FieldType;
  /** Column present and value not empty; otherwise the column may be absent or empty (NULL). */
  readonly required: boolean;
  /** Column of the target table. */
  readonly target: string;
  readonly values?: readonly string[];
}

/** A parsed row, by CSV column name: numbers, strings (text, dates, decimals), booleans, epoch ms for instants; null when empty. */
export type RowValues = Record<string, string | number | boolean | null>;

/** What a row check may consult besides the row. */
export interface KindContext {
  /** Priorities of the tenant's response policy. */
  readonly priorities: ReadonlySet<string>;
}

export interface KindSpec {
  readonly kind: KpiInputKind;
  readonly table: string;
  readonly fields: readonly FieldSpec[];
  /**
   * The natural key after tenant_id (target columns, or index expressions in parentheses as the
   * migration's unique index has them): a row with a stored key replaces it. null: rows are
   * keyed by (upload, line) and only the upload's content hash refuses a repeat.
   */
  readonly key: readonly string[] | null;
  /** Cross-field rules of one row: the problems, by column. */
  readonly check?: (row: RowValues, ctx: KindContext) => Array<{ column: string; reason: string }>;
}

const after = (row: RowValues, column: string, reference: string, what: string): Array<{ column: string; reason: string }> => {
  const a = row[column];
  const b = row[reference];
  return typeof a === 'number' && typeof b === 'number' && a < b ? [{ column, reason: `must not be before ${what}` }] : [];
};

const periodCheck = (row: RowValues): Array<{ column: string; reason: string }> =>
  typeof row.period_start === 'string' && typeof row.period_end === 'string' && !(row.period_end > row.period_start)
    ? [{ column: 'period_end', reason: 'must be after period_start (the period is [period_start, period_end))' }]
    : [];

/** The nine KPI input uploads: one table-driven column spec each, read by one generic sink. */
export const KPI_INPUT_SPECS: Readonly<Record<KpiInputKind, KindSpec>> = {
  cases: {
    kind: 'cases',
    table: 'cases',
    key: ['case_id'],
    fields: [
      { name: 'case_id', type: 'text', required: true, target: 'case_id' },
      { name: 'channel', type: 'channel', required: true, target: 'channel_id' },
      { name: 'priority', type: 'text', required: true, target: 'priority' },
      { name: 'created_at', type: 'instant', required: true, target: 'created_at' },
      { name: 'first_response_at', type: 'instant', required: false, target: 'first_response_at' },
      { name: 'auto_reply_at', type: 'instant', required: false, target: 'auto_reply_at' },
      { name: 'resolved_at', type: 'instant', required: false, target: 'resolved_at' },
      { name: 'contact_type', type: 'text', required: false, target: 'contact_type' },
    ],
    check: (row, ctx) => [
      ...(typeof row.priority === 'string' && !ctx.priorities.has(row.priority)
        ? [{ column: 'priority', reason: `must be a priority of the response policy: ${[...ctx.priorities].join(', ')} (PUT /api/v1/cases/objectives)` }]
        : []),
      ...after(row, 'first_response_at', 'created_at', 'created_at'),
      ...after(row, 'auto_reply_at', 'created_at', 'created_at'),
      ...after(row, 'resolved_at', 'created_at', 'created_at'),
    ],
  },
  'case-updates': {
    kind: 'case-updates',
    table: 'case_updates',
    key: ['case_id', 'updated_at'],
    fields: [
      { name: 'case_id', type: 'text', required: true, target: 'case_id' },
      { name: 'updated_at', type: 'instant', required: true, target: 'updated_at' },
    ],
  },
  'quality-evaluations': {
    kind: 'quality-evaluations',
    table: 'quality_evaluations',
    key: null,
    fields: [
      { name: 'contact_id', type: 'text', required: true, target: 'contact_id' },
      { name: 'agent_id', type: 'text', required: true, target: 'agent_id' },
      { name: 'date', type: 'date', required: true, target: 'evaluated_on' },
      { name: 'score', type: 'number', required: true, target: 'score' },
      { name: 'max_score', type: 'number', required: true, target: 'max_score' },
      { name: 'channel', type: 'channel', required: false, target: 'channel_id' },
    ],
    check: (row) => {
      const { score, max_score: max } = row;
      if (typeof max === 'number' && !(max > 0)) return [{ column: 'max_score', reason: 'must be greater than 0' }];
      if (typeof score === 'number' && typeof max === 'number' && (score < 0 || score > max)) return [{ column: 'score', reason: 'must be between 0 and max_score' }];
      return [];
    },
  },
  surveys: {
    kind: 'surveys',
    table: 'survey_responses',
    key: null,
    fields: [
      { name: 'kind', type: 'enum', required: true, target: 'kind', values: ['csat', 'effort', 'esat', 'engagement'] },
      { name: 'date', type: 'date', required: true, target: 'responded_on' },
      { name: 'channel', type: 'channel', required: false, target: 'channel_id' },
      { name: 'agent', type: 'text', required: false, target: 'agent_id' },
      { name: 'score', type: 'number', required: true, target: 'score' },
      { name: 'scale_min', type: 'number', required: true, target: 'scale_min' },
      { name: 'scale_max', type: 'number', required: true, target: 'scale_max' },
    ],
    check: (row) => {
      const { score, scale_min: lo, scale_max: hi } = row;
      if (typeof lo === 'number' && typeof hi === 'number' && !(hi > lo)) return [{ column: 'scale_max', reason: 'must be greater than scale_min' }];
      if (typeof score === 'number' && typeof lo === 'number' && typeof hi === 'number' && (score < lo || score > hi)) return [{ column: 'score', reason: 'must be on the scale [scale_min, scale_max]' }];
      return [];
    },
  },
  'fcr-outcomes': {
    kind: 'fcr-outcomes',
    table: 'fcr_outcomes',
    key: ['contact_id'],
    fields: [
      { name: 'contact_id', type: 'text', required: true, target: 'contact_id' },
      { name: 'channel', type: 'channel', required: false, target: 'channel_id' },
      { name: 'date', type: 'date', required: true, target: 'contact_on' },
      { name: 'resolved_first_time', type: 'boolean', required: true, target: 'resolved_first_time' },
    ],
  },
  costs: {
    kind: 'costs',
    table: 'cost_entries',
    key: ['kind', 'period_start', 'period_end', '(coalesce(channel_id, 0))', 'category', "(coalesce(contact_type, ''))"],
    fields: [
      { name: 'kind', type: 'enum', required: true, target: 'kind', values: ['actual', 'budget', 'revenue'] },
      { name: 'period_start', type: 'date', required: true, target: 'period_start' },
      { name: 'period_end', type: 'date', required: true, target: 'period_end' },
      { name: 'channel', type: 'channel', required: false, target: 'channel_id' },
      { name: 'category', type: 'text', required: true, target: 'category' },
      { name: 'contact_type', type: 'text', required: false, target: 'contact_type' },
      { name: 'amount', type: 'decimal', required: true, target: 'amount' },
      { name: 'currency', type: 'currency', required: true, target: 'currency' },
    ],
    check: periodCheck,
  },
  'workforce-events': {
    kind: 'workforce-events',
    table: 'workforce_events',
    key: ['agent_id', 'event_on', 'event'],
    fields: [
      { name: 'agent_id', type: 'text', required: true, target: 'agent_id' },
      { name: 'date', type: 'date', required: true, target: 'event_on' },
      { name: 'event', type: 'enum', required: true, target: 'event', values: ['hired', 'left'] },
      { name: 'voluntary', type: 'boolean', required: false, target: 'voluntary' },
      { name: 'team', type: 'text', required: false, target: 'team' },
    ],
    check: (row) => (row.event === 'hired' && row.voluntary !== null && row.voluntary !== undefined ? [{ column: 'voluntary', reason: 'applies to left events only; leave it empty for hired' }] : []),
  },
  'customer-counts': {
    kind: 'customer-counts',
    table: 'customer_counts',
    key: ['period_start', 'period_end', '(coalesce(channel_id, 0))'],
    fields: [
      { name: 'period_start', type: 'date', required: true, target: 'period_start' },
      { name: 'period_end', type: 'date', required: true, target: 'period_end' },
      { name: 'channel', type: 'channel', required: false, target: 'channel_id' },
      { name: 'customers', type: 'count', required: true, target: 'customers' },
    ],
    check: periodCheck,
  },
  'outbound-attempts': {
    kind: 'outbound-attempts',
    table: 'outbound_attempts',
    key: ['target_id', 'attempted_at'],
    fields: [
      { name: 'target_id', type: 'text', required: true, target: 'target_id' },
      { name: 'attempted_at', type: 'instant', required: true, target: 'attempted_at' },
      { name: 'channel', type: 'channel', required: false, target: 'channel_id' },
      { name: 'agent_id', type: 'text', required: false, target: 'agent_id' },
      { name: 'right_party', type: 'boolean', required: true, target: 'right_party' },
    ],
  },
};
