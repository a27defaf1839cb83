/**
 * Erlang C staffing for a year of quarter-hours on 20 channels (365 × 96 × 20 = 700,800
 * intervals) through `solveStaffingBatch` in one thread: loads log-uniform 0.5–2,000 Erlangs
 * (fixed seed), AHT uniform 120–600 s, 80/20 service level, shrinkage 0.3; median of five
 * timed passes after a warm-up. Target: ≥ 3,000,000 intervals/s. Two figures, one JSON line
 * each:
 * - `erlang-c-year`: agents, scheduled agents, binding, service level, ASA, wait probability,
 *   occupancy and warnings;
 * - `erlang-c-year-with-fractional`: the same plus `agentsFractional` (one more evaluation of
 *   the continuous Erlang B per interval, through the incomplete-gamma extension).
 * Run: `npx tsc -p tsconfig.build.json && node dist/bench/erlang-c-year.bench.js`.
 */
import { solveStaffingBatch } from '../src/core/staffing/solve-staffing-batch.js';
import type {
  StaffingBatchInput,
  StaffingSolveOutput,
} from '../src/core/staffing/staffing-types.js';
import { reportFigure } from './lib/report-figure.js';
import { staffingGrid } from './lib/staffing-grid.js';

const INTERVALS = 365 * 96 * 20;
const TARGET = 3_000_000;
const grid = staffingGrid({
  seed: 20261122,
  intervals: INTERVALS,
  intervalSeconds: 900,
  minErlangs: 0.5,
  maxErlangs: 2000,
  minAhtSeconds: 120,
  maxAhtSeconds: 600,
  minPatienceSeconds: 60,
  maxPatienceSeconds: 300,
});
const input: StaffingBatchInput = {
  model: 'erlang-c',
  intervalSeconds: grid.intervalSeconds,
  volume: grid.volume,
  ahtSeconds: grid.ahtSeconds,
  shrinkage: 0.3,
  thresholdSeconds: 20,
  goals: { serviceLevelTarget: 0.8 },
};
const output: StaffingSolveOutput = {
  agents: new Int32Array(INTERVALS),
  requiredWithShrinkage: new Int32Array(INTERVALS),
  binding: new Uint8Array(INTERVALS),
  serviceLevel: new Float64Array(INTERVALS),
  asaSeconds: new Float64Array(INTERVALS),
  waitProbability: new Float64Array(INTERVALS),
  occupancy: new Float64Array(INTERVALS),
  warnings: new Uint8Array(INTERVALS),
};

reportFigure('erlang-c-year', INTERVALS, TARGET, () => {
  solveStaffingBatch(input, output);
});

const withFractional: StaffingSolveOutput = {
  ...output,
  agentsFractional: new Float64Array(INTERVALS),
};
reportFigure('erlang-c-year-with-fractional', INTERVALS, TARGET, () => {
  solveStaffingBatch(input, withFractional);
});
