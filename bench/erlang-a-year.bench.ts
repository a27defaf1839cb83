/**
 * Erlang A staffing for a year of quarter-hours on 20 channels (700,800 intervals) through
 * `solveStaffingBatch` in one thread: loads log-uniform 0.5–500 Erlangs, AHT uniform
 * 120–600 s, mean patience uniform 60–300 s, 80/20 service level (ICMI definition), shrinkage
 * 0.3, every output column; median of five timed passes after a warm-up. Target:
 * ≥ 100,000 intervals/s.
 * Run: `npx tsc -p tsconfig.build.json && node dist/bench/erlang-a-year.bench.js`.
 */
import { solveStaffingBatch } from '../src/core/staffing/solve-staffing-batch.js';
import type { StaffingSolveOutput } from '../src/core/staffing/staffing-types.js';
import { reportFigure } from './lib/report-figure.js';
import { staffingGrid } from './lib/staffing-grid.js';

const INTERVALS = 365 * 96 * 20;
const grid = staffingGrid({
  seed: 20261123,
  intervals: INTERVALS,
  intervalSeconds: 900,
  minErlangs: 0.5,
  maxErlangs: 500,
  minAhtSeconds: 120,
  maxAhtSeconds: 600,
  minPatienceSeconds: 60,
  maxPatienceSeconds: 300,
});
const output: StaffingSolveOutput = {
  agents: new Int32Array(INTERVALS),
  requiredWithShrinkage: new Int32Array(INTERVALS),
  agentsFractional: new Float64Array(INTERVALS),
  binding: new Uint8Array(INTERVALS),
  serviceLevel: new Float64Array(INTERVALS),
  asaSeconds: new Float64Array(INTERVALS),
  waitProbability: new Float64Array(INTERVALS),
  occupancy: new Float64Array(INTERVALS),
  abandonRate: new Float64Array(INTERVALS),
  warnings: new Uint8Array(INTERVALS),
};

reportFigure('erlang-a-year', INTERVALS, 100_000, () => {
  solveStaffingBatch(
    {
      model: 'erlang-a',
      intervalSeconds: grid.intervalSeconds,
      volume: grid.volume,
      ahtSeconds: grid.ahtSeconds,
      patienceSeconds: grid.patienceSeconds,
      shrinkage: 0.3,
      thresholdSeconds: 20,
      goals: { serviceLevelTarget: 0.8 },
    },
    output,
  );
});
