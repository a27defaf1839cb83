import { assertRange } from '../numeric/assert-range.js';
import { assertColumnFits } from './assert-column-fits.js';
import {
  DEFAULT_SERVICE_LEVEL_DEFINITION,
  SERVICE_LEVEL_DEFINITIONS,
} from '../queueing/service-level-definition.js';
import type { ServiceLevelDefinition } from '../queueing/service-level-definition.js';
import {
  GOAL_ABANDON_RATE,
  GOAL_ASA,
  GOAL_BLOCKING,
  GOAL_OCCUPANCY,
  GOAL_SERVICE_LEVEL,
} from './staffing-slots.js';
import { MAX_SHRINKAGE, MAX_TRAFFIC_ERLANGS } from './staffing-limits.js';
import { STAFFING_MODELS } from './staffing-types.js';
import type { StaffingBatchInput, StaffingColumn, StaffingModel } from './staffing-types.js';

/** A validated staffing request: scalars resolved, absent goals NaN, slice geometry fixed. */
export interface ResolvedStaffingRequest {
  model: StaffingModel;
  intervalSeconds: number;
  concurrency: number;
  /** NaN when absent. */
  thresholdSeconds: number;
  definition: ServiceLevelDefinition;
  /** Bits of the goals given (GOAL_* of staffing-slots). */
  goals: number;
  serviceLevelTarget: number;
  /** ln(1 − serviceLevelTarget): the level of the continuous service-level gap. */
  logServiceLevelMiss: number;
  maxAsaSeconds: number;
  maxAbandonRate: number;
  maxOccupancy: number;
  maxBlocking: number;
  minOccupancy: number;
  offset: number;
  stride: number;
  count: number;
  outputOffset: number;
  outputStride: number;
}

function assertIndex(caller: string, name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${caller} requires ${name} to be an integer >= ${minimum}`);
  }
}

/** Throws unless every value the slice reads from a column passes `accept`. */
function assertColumn(
  caller: string,
  name: string,
  column: StaffingColumn,
  request: ResolvedStaffingRequest,
  accept: (value: number) => boolean,
  rule: string,
): void {
  if (typeof column === 'number') {
    if (!accept(column)) throw new RangeError(`${caller} requires ${name} to be ${rule}`);
    return;
  }
  assertColumnFits(caller, name, column.length, request.offset, request.stride, request.count);
  for (let k = 0; k < request.count; k++) {
    if (!accept(column[request.offset + k * request.stride])) {
      throw new RangeError(`${caller} requires ${name} to be ${rule} at interval ${k}`);
    }
  }
}

function optionalGoal(
  caller: string,
  name: string,
  value: number | undefined,
  minimum: number,
  maximum: number,
  minimumExclusive = false,
): number {
  if (value === undefined) return NaN;
  assertRange(caller, name, value, minimum, maximum, minimumExclusive);
  return value;
}

/**
 * Validates a staffing batch request and resolves its scalars (public kernels' validation:
 * throws `RangeError`, e.g. `solveStaffingBatch requires volume to be a finite number >= 0 at
 * interval 17`).
 *
 * Method: checks the model, interval length, concurrency, threshold, definition, each goal's
 * range and model (`maxBlocking` only under Erlang B, `maxAbandonRate` only under Erlang A,
 * service level and ASA not under Erlang B), the slice geometry, and every value of the input
 * columns (volume ≥ 0, AHT > 0, 0 ≤ shrinkage ≤ 0.99, patience > 0, and the load
 * volume·AHT/(concurrency·intervalSeconds) at most MAX_TRAFFIC_ERLANGS, which bounds the work
 * of every interval), before any output is written. `requireGoal` demands at least one goal
 * (solving).
 *
 * Units: as `StaffingBatchInput`. Reference: house style (RangeError grammar).
 * Complexity: O(count).
 *
 * @example
 * resolveStaffingRequest('solveStaffingBatch', { model: 'erlang-c', intervalSeconds: 1800,
 *   volume: new Float64Array([100]), ahtSeconds: 180, thresholdSeconds: 20,
 *   goals: { serviceLevelTarget: 0.8 } }, true).goals; // 1 (service level)
 */
export function resolveStaffingRequest(
  caller: string,
  input: StaffingBatchInput,
  requireGoal: boolean,
): ResolvedStaffingRequest {
  if (!STAFFING_MODELS.includes(input.model)) {
    throw new RangeError(`${caller} requires model to be one of ${STAFFING_MODELS.join(', ')}`);
  }
  const model = input.model;
  assertRange(caller, 'intervalSeconds', input.intervalSeconds, 0, Infinity, true);
  const concurrency = input.concurrency ?? 1;
  assertRange(caller, 'concurrency', concurrency, 1, Infinity);
  const thresholdSeconds = input.thresholdSeconds ?? NaN;
  if (input.thresholdSeconds !== undefined) {
    assertRange(caller, 'thresholdSeconds', thresholdSeconds, 0, Infinity);
  }
  const definition = input.serviceLevelDefinition ?? DEFAULT_SERVICE_LEVEL_DEFINITION;
  if (!SERVICE_LEVEL_DEFINITIONS.includes(definition)) {
    throw new RangeError(
      `${caller} requires serviceLevelDefinition to be one of ${SERVICE_LEVEL_DEFINITIONS.join(', ')}`,
    );
  }
  const goalInput = input.goals ?? {};
  const serviceLevelTarget = optionalGoal(
    caller,
    'serviceLevelTarget',
    goalInput.serviceLevelTarget,
    0,
    1,
    true,
  );
  const maxAsaSeconds = optionalGoal(caller, 'maxAsaSeconds', goalInput.maxAsaSeconds, 0, Infinity);
  const maxAbandonRate = optionalGoal(caller, 'maxAbandonRate', goalInput.maxAbandonRate, 0, 1);
  const maxOccupancy = optionalGoal(caller, 'maxOccupancy', goalInput.maxOccupancy, 0, 1, true);
  const maxBlocking = optionalGoal(caller, 'maxBlocking', goalInput.maxBlocking, 0, 1);
  const minOccupancy = optionalGoal(caller, 'minOccupancy', goalInput.minOccupancy, 0, 1);
  let goals = 0;
  if (serviceLevelTarget === serviceLevelTarget) goals |= GOAL_SERVICE_LEVEL;
  if (maxAsaSeconds === maxAsaSeconds) goals |= GOAL_ASA;
  if (maxAbandonRate === maxAbandonRate) goals |= GOAL_ABANDON_RATE;
  if (maxOccupancy === maxOccupancy) goals |= GOAL_OCCUPANCY;
  if (maxBlocking === maxBlocking) goals |= GOAL_BLOCKING;
  if ((goals & GOAL_SERVICE_LEVEL) !== 0 && input.thresholdSeconds === undefined) {
    throw new RangeError(`${caller} requires thresholdSeconds with serviceLevelTarget`);
  }
  if ((goals & GOAL_BLOCKING) !== 0 && model !== 'erlang-b') {
    throw new RangeError(`${caller} requires the erlang-b model for maxBlocking`);
  }
  if ((goals & GOAL_ABANDON_RATE) !== 0 && model !== 'erlang-a') {
    throw new RangeError(`${caller} requires the erlang-a model for maxAbandonRate`);
  }
  if ((goals & (GOAL_SERVICE_LEVEL | GOAL_ASA)) !== 0 && model === 'erlang-b') {
    throw new RangeError(
      `${caller} requires a queueing model (erlang-c or erlang-a) for serviceLevelTarget and maxAsaSeconds`,
    );
  }
  if (requireGoal && goals === 0) {
    throw new RangeError(`${caller} requires at least one goal`);
  }
  const offset = input.offset ?? 0;
  const stride = input.stride ?? 1;
  assertIndex(caller, 'offset', offset, 0);
  assertIndex(caller, 'stride', stride, 1);
  const fitting =
    input.volume.length > offset ? Math.floor((input.volume.length - 1 - offset) / stride) + 1 : 0;
  const count = input.count ?? fitting;
  assertIndex(caller, 'count', count, 0);
  const outputOffset = input.outputOffset ?? offset;
  const outputStride = input.outputStride ?? stride;
  assertIndex(caller, 'outputOffset', outputOffset, 0);
  assertIndex(caller, 'outputStride', outputStride, 1);
  const request: ResolvedStaffingRequest = {
    model,
    intervalSeconds: input.intervalSeconds,
    concurrency,
    thresholdSeconds,
    definition,
    goals,
    serviceLevelTarget,
    logServiceLevelMiss: Math.log(1 - serviceLevelTarget),
    maxAsaSeconds,
    maxAbandonRate,
    maxOccupancy,
    maxBlocking,
    minOccupancy,
    offset,
    stride,
    count,
    outputOffset,
    outputStride,
  };
  assertColumn(
    caller,
    'volume',
    input.volume,
    request,
    (v) => Number.isFinite(v) && v >= 0,
    'a finite number >= 0',
  );
  assertColumn(
    caller,
    'ahtSeconds',
    input.ahtSeconds,
    request,
    (v) => Number.isFinite(v) && v > 0,
    'a finite number > 0',
  );
  assertColumn(
    caller,
    'shrinkage',
    input.shrinkage ?? 0,
    request,
    (v) => v >= 0 && v <= MAX_SHRINKAGE,
    `a number >= 0 and <= ${MAX_SHRINKAGE}`,
  );
  for (let k = 0; k < count; k++) {
    const i = offset + k * stride;
    const aht = typeof input.ahtSeconds === 'number' ? input.ahtSeconds : input.ahtSeconds[i];
    if (!((input.volume[i] * aht) / concurrency / input.intervalSeconds <= MAX_TRAFFIC_ERLANGS)) {
      throw new RangeError(
        `${caller} requires the load volume × ahtSeconds ÷ concurrency ÷ intervalSeconds to be at most ${MAX_TRAFFIC_ERLANGS} Erlangs at interval ${k}`,
      );
    }
  }
  if (model === 'erlang-a') {
    if (input.patienceSeconds === undefined) {
      throw new RangeError(`${caller} requires patienceSeconds for the erlang-a model`);
    }
    assertColumn(
      caller,
      'patienceSeconds',
      input.patienceSeconds,
      request,
      (v) => Number.isFinite(v) && v > 0,
      'a finite number > 0',
    );
  }
  return request;
}
