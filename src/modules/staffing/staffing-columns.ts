import type { FieldError } from '../../platform/errors/domain-error.js';
import { MAX_AGENTS, MAX_DURATION_SECONDS, MAX_SHRINKAGE, MAX_VOLUME_PER_INTERVAL } from '../../core/staffing/staffing-limits.js';
import { parseTimestamp, type ParsedTimestamp } from '../../core/time/parse-timestamp.js';
import type { StaffingIntervalDto } from './dto/staffing-request.dto.js';

/** The intervals of a request as columns, read and checked in one pass. */
export interface IntervalColumns {
  count: number;
  volume: Float64Array;
  ahtSeconds: Float64Array;
  /** NaN where the interval gives no shrinkage of its own. */
  shrinkage: Float64Array;
  /** Evaluate only; NaN elsewhere. */
  agents: Float64Array;
  start: Array<string | undefined>;
  channel: Array<string | undefined>;
}

const scratch: ParsedTimestamp = { localMs: 0, offsetMinutes: null };

const KNOWN_FIELDS = new Set(['start', 'channel', 'volume', 'ahtSeconds', 'shrinkage', 'agents']);
const MAX_ERRORS = 100;

function isFiniteNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

/**
 * Reads request intervals into columns, collecting every problem as
 * `intervals[i].field` (at most 100). `withAgents`: evaluate, where `agents` is required.
 */
export function readIntervalColumns(
  intervals: readonly StaffingIntervalDto[],
  withAgents: boolean,
): { columns: IntervalColumns; errors: FieldError[]; errorCount: number } {
  const n = intervals.length;
  const columns: IntervalColumns = {
    count: n,
    volume: new Float64Array(n),
    ahtSeconds: new Float64Array(n),
    shrinkage: new Float64Array(n).fill(Number.NaN),
    agents: new Float64Array(n).fill(Number.NaN),
    start: new Array<string | undefined>(n),
    channel: new Array<string | undefined>(n),
  };
  const errors: FieldError[] = [];
  let errorCount = 0;
  const fail = (i: number, key: string, value: unknown, reason: string): void => {
    errorCount++;
    if (errors.length < MAX_ERRORS) {
      errors.push({ field: `intervals[${i}].${key}`, ...(typeof value === 'object' ? {} : { value }), reason });
    }
  };
  for (let i = 0; i < n; i++) {
    const row = intervals[i] as unknown as Record<string, unknown> | null;
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      errorCount++;
      if (errors.length < MAX_ERRORS) errors.push({ field: `intervals[${i}]`, reason: 'must be an object' });
      continue;
    }
    for (const key in row) if (!KNOWN_FIELDS.has(key)) fail(i, key, row[key], 'is not a known field');
    const { volume, ahtSeconds, shrinkage, agents, start, channel } = row;
    if (!isFiniteNumber(volume) || volume < 0 || volume > MAX_VOLUME_PER_INTERVAL) fail(i, 'volume', volume, `must be a finite number >= 0 and <= ${MAX_VOLUME_PER_INTERVAL}`);
    else columns.volume[i] = volume;
    if (!isFiniteNumber(ahtSeconds) || ahtSeconds < 0 || ahtSeconds > MAX_DURATION_SECONDS || (ahtSeconds === 0 && isFiniteNumber(volume) && volume > 0)) {
      fail(i, 'ahtSeconds', ahtSeconds, `must be a finite number > 0 (0 only when volume is 0) and <= ${MAX_DURATION_SECONDS}`);
    } else columns.ahtSeconds[i] = ahtSeconds;
    if (shrinkage !== undefined) {
      if (!isFiniteNumber(shrinkage) || shrinkage < 0 || shrinkage > MAX_SHRINKAGE) fail(i, 'shrinkage', shrinkage, `must be a number in [0, ${MAX_SHRINKAGE}]`);
      else columns.shrinkage[i] = shrinkage;
    }
    if (withAgents) {
      if (!isFiniteNumber(agents) || agents < 0 || agents > MAX_AGENTS || !Number.isInteger(agents)) fail(i, 'agents', agents, `must be an integer >= 0 and <= ${MAX_AGENTS}`);
      else columns.agents[i] = agents;
    } else if (agents !== undefined) {
      fail(i, 'agents', agents, 'is only accepted by /staffing/evaluate');
    }
    if (start !== undefined) {
      if (typeof start !== 'string' || !parseTimestamp(start, scratch) || scratch.offsetMinutes === null) {
        fail(i, 'start', start, 'must be an ISO 8601 instant with an offset, e.g. 2026-03-02T09:00:00Z');
      } else columns.start[i] = start;
    }
    if (channel !== undefined) {
      if (typeof channel !== 'string' || channel.length === 0) fail(i, 'channel', channel, 'must be a channel code');
      else columns.channel[i] = channel;
    }
  }
  return { columns, errors, errorCount };
}
