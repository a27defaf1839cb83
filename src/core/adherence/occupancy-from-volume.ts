/**
 * The seed's occupancy from volume: the share of staffed agent time needed to handle the
 * contacts of an interval.
 *
 * Method: occupancy = (contacts × AHT seconds) ÷ (agents × interval seconds). Not capped (a value
 * above 1 says the agents counted could not have handled the volume: a data problem worth
 * seeing). NaN ("not applicable") with no agents.
 *
 * Units: contacts, seconds, agents (may be fractional, time-weighted), seconds; a fraction.
 * Reference: Cleveland, "Call Center Management on Fast Forward" (3rd ed.), ch. 6.
 * Complexity: O(1).
 * @example
 * occupancyFromVolume(100, 180, 12, 1800); // 0.8333333333333334
 */
export function occupancyFromVolume(contacts: number, ahtSeconds: number, agents: number, intervalSeconds: number): number {
  if (!(contacts >= 0) || !(ahtSeconds >= 0) || !(intervalSeconds > 0)) {
    throw new RangeError('occupancyFromVolume requires contacts >= 0, ahtSeconds >= 0 and intervalSeconds > 0');
  }
  if (!(agents > 0)) return NaN;
  return (contacts * ahtSeconds) / (agents * intervalSeconds);
}
