/**
 * Agent occupancy from workload and staffed time.
 *
 * Method: (contacts × AHT seconds) ÷ (agents × interval seconds), i.e. handled workload over
 * staffed agent-seconds (1,800 seconds per agent for a half-hour). For a rolled-up period the
 * numerator and the denominator are summed over its intervals first. NaN with no staffed time.
 * Inner helper: no validation.
 *
 * Units: contacts; ahtSeconds in seconds; agents (may be fractional); intervalSeconds in
 * seconds; the result a fraction (normally 0..1).
 * Reference: seed paper, family 2 "Agent accessibility", occupancy
 * `(contacts × AHT seconds) ÷ (agents × interval seconds)`. Complexity: O(1).
 *
 * @example
 * occupancyFromWorkload(40, 180, 5, 1800); // 0.8
 */
export function occupancyFromWorkload(contacts: number, ahtSeconds: number, agents: number, intervalSeconds: number): number {
  const staffedSeconds = agents * intervalSeconds;
  if (!(staffedSeconds > 0)) return NaN;
  return (contacts * ahtSeconds) / staffedSeconds;
}
