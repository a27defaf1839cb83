import { MAX_AGENTS } from './staffing-limits.js';

/**
 * Smallest agent count whose occupancy carried/n does not exceed `maxOccupancy`.
 *
 * Method: n = ceil(carried / maxOccupancy), then nudged by ±1 so that the result is exactly
 * the smallest n passing the test carried/n ≤ maxOccupancy as evaluated in floating point
 * (10 / 0.7 = 14.285… gives 15; 7 / 0.7 = 10.000000000000002 still gives 10). Above
 * MAX_AGENTS (a tiny cap) it answers MAX_AGENTS + 1 without searching: no search goes there.
 * Inner helper: no validation (carried ≥ 0, 0 < maxOccupancy ≤ 1).
 *
 * Units: carried load in Erlangs, result in agents. Reference: none (definition of
 * occupancy). Complexity: O(1).
 *
 * @example
 * occupancyLowerBound(10, 0.7); // 15
 */
export function occupancyLowerBound(carriedErlangs: number, maxOccupancy: number): number {
  const estimate = Math.ceil(carriedErlangs / maxOccupancy);
  if (!(estimate <= MAX_AGENTS)) return MAX_AGENTS + 1;
  let agents = Math.max(1, estimate);
  while (agents > 1 && carriedErlangs / (agents - 1) <= maxOccupancy) agents -= 1;
  while (carriedErlangs / agents > maxOccupancy) agents += 1;
  return agents;
}
