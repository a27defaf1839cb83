import { mulberry32 } from '../../src/core/numeric/mulberry32.js';

/** A synthetic year of intervals for the staffing benchmarks. */
export interface StaffingGrid {
  intervals: number;
  intervalSeconds: number;
  /** Offered load per interval, Erlangs (log-uniform). */
  loadErlangs: Float64Array;
  /** Contacts per interval: load × intervalSeconds / AHT. */
  volume: Float64Array;
  /** AHT, seconds (uniform). */
  ahtSeconds: Float64Array;
  /** Mean patience, seconds (uniform). */
  patienceSeconds: Float64Array;
}

export interface StaffingGridOptions {
  seed: number;
  intervals: number;
  intervalSeconds: number;
  minErlangs: number;
  maxErlangs: number;
  minAhtSeconds: number;
  maxAhtSeconds: number;
  minPatienceSeconds: number;
  maxPatienceSeconds: number;
}

/**
 * Builds a reproducible benchmark grid from a Mulberry32 seed: loads log-uniform between
 * minErlangs and maxErlangs, AHT and patience uniform in their ranges, volume derived from
 * load and AHT.
 *
 * @example
 * staffingGrid({ seed: 1, intervals: 700800, intervalSeconds: 900, minErlangs: 0.5,
 *   maxErlangs: 2000, minAhtSeconds: 120, maxAhtSeconds: 600, minPatienceSeconds: 60,
 *   maxPatienceSeconds: 300 }).volume.length; // 700800
 */
export function staffingGrid(options: StaffingGridOptions): StaffingGrid {
  const random = mulberry32(options.seed);
  const n = options.intervals;
  const loadErlangs = new Float64Array(n);
  const volume = new Float64Array(n);
  const ahtSeconds = new Float64Array(n);
  const patienceSeconds = new Float64Array(n);
  const logSpan = Math.log(options.maxErlangs / options.minErlangs);
  for (let i = 0; i < n; i++) {
    loadErlangs[i] = options.minErlangs * Math.exp(random() * logSpan);
    ahtSeconds[i] =
      options.minAhtSeconds + (options.maxAhtSeconds - options.minAhtSeconds) * random();
    patienceSeconds[i] =
      options.minPatienceSeconds +
      (options.maxPatienceSeconds - options.minPatienceSeconds) * random();
    volume[i] = (loadErlangs[i] * options.intervalSeconds) / ahtSeconds[i];
  }
  return {
    intervals: n,
    intervalSeconds: options.intervalSeconds,
    loadErlangs,
    volume,
    ahtSeconds,
    patienceSeconds,
  };
}
